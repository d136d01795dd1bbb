export {
  type CalendarFeedOwner,
  CALENDAR_FEED_DAYS_BACK,
  CALENDAR_FEED_DAYS_AHEAD,
  calendarFeedWindow,
  type CalendarEvent,
  type CalendarFeed,
  type HotlineSchedule,
  slotUid,
  overrideUid,
  isWritableInZone,
  personCalendar,
  hotlineCalendar,
} from './calendar-feed';

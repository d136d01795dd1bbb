import type { ToolScheduleChangeFragment } from '../../../gql/graphql';

/** What every schedule tool is given by the board. */
export interface ScheduleToolProps {
  readonly hotlineId: string;
  /** The hotline's IANA zone: every time entered or shown by a tool is on its clock. */
  readonly timeZone: string;
  /** The board's visible range, wall-clock `YYYY-MM-DDTHH:MM` in the hotline's zone ([from, to)). */
  readonly range: { readonly from: string; readonly to: string };
  /** `Schedule.version` as the board loaded it; undefined until it has (the tools then read it themselves). */
  readonly version: number | undefined;
  readonly canEdit: boolean;
  /** Called after every successful write, so the board reloads. */
  onChanged(): void;
}

/** A tool's dialog: the board's props, opened or not. */
export type ToolDialogProps = ScheduleToolProps & { readonly opened: boolean; onClose(): void };

/** A schedule write's answer as the previews show it. */
export type ToolChange = ToolScheduleChangeFragment;

/** The part of a write's input the dialog adds: preview or real, the overlap mode and the version expected. */
export interface WriteControl {
  readonly mode: 'REJECT' | 'REPLACE';
  readonly dryRun: boolean;
  readonly expectedVersion: number;
}

export { SmtpSink, type ReceivedMail, type SmtpReply, type SmtpSinkOptions } from './smtp-sink';
export { parseMime, type ParsedAttachment, type ParsedMail } from './parse-mime';

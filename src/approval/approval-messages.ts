import type { ApprovalResult } from './approval-request';

/** A result in plain words for the viewer; `detail` may be the server's own text (shown as text, never HTML). */
export interface ApprovalMessage {
  title: string;
  detail: string;
  tone: 'good' | 'bad';
}

export function describeApprovalResult(result: ApprovalResult): ApprovalMessage {
  switch (result.kind) {
    case 'approved':
      return { title: 'This TV is approved.', detail: result.message ?? 'You can start watching.', tone: 'good' };
    case 'invalid-link':
      return { title: 'This link is invalid or has expired.', detail: 'Ask for a new link and send it again.', tone: 'bad' };
    case 'not-signed-in':
      return { title: 'You are not signed in.', detail: 'Sign in, then open the link again.', tone: 'bad' };
    case 'not-registered':
      return { title: 'This TV is not registered yet.', detail: 'It is registering now. Choose Try again in a moment.', tone: 'bad' };
    case 'unreachable':
      return { title: 'Could not reach the server.', detail: 'Check the connection and try again.', tone: 'bad' };
    case 'failed':
      return { title: 'The TV could not be approved right now.', detail: `The server answered with error ${result.status}. Try again later.`, tone: 'bad' };
  }
}

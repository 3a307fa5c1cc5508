import { formatWhen } from '../registration/describe-registration-status';
import type { RegisterNowOutcome } from '../registration/registration-client';
import type { ApprovalResult } from './approval-request';

/** A result in plain words for the viewer; `detail` may be the server's own text (shown as text, never HTML). */
export interface ApprovalMessage {
  title: string;
  detail: string;
  tone: 'good' | 'bad';
}

/** What happens about a missing registration, so the viewer is never promised one that will not come. */
function describeRegistering(registration: RegisterNowOutcome, nowLocalMs: number): string {
  switch (registration.kind) {
    case 'started':
      return 'It is registering now. Choose Try again in a moment.';
    case 'offline':
      return 'It will register as soon as the TV is back online. Choose Try again then.';
    case 'no-storage':
      return 'The TV’s storage is not answering, so it cannot register yet. Choose Try again in a few minutes.';
    case 'off':
      return 'Registration is switched off in this app’s settings, so this TV cannot be approved. Ask whoever set up the app to switch it on.';
    case 'stopped':
      return `The server refused to register it (error ${registration.status}), so this TV cannot be approved for now. Ask whoever runs the service for help.`;
    case 'waiting':
      return `The server asked it to wait: it will register at ${formatWhen(registration.untilLocalMs, nowLocalMs)}. Choose Try again after that.`;
  }
}

/** `nowLocalMs` is the TV's clock, against which a time is shown with its date or without. */
export function describeApprovalResult(result: ApprovalResult, nowLocalMs: number): ApprovalMessage {
  switch (result.kind) {
    case 'approved':
      return { title: 'This TV is approved.', detail: result.message ?? 'You can start watching.', tone: 'good' };
    case 'invalid-link':
      return { title: 'This link is invalid or has expired.', detail: 'Ask for a new link and send it again.', tone: 'bad' };
    case 'not-signed-in':
      return { title: 'You are not signed in.', detail: 'Sign in, then open the link again.', tone: 'bad' };
    case 'not-registered':
      return { title: 'This TV is not registered yet.', detail: describeRegistering(result.registration, nowLocalMs), tone: 'bad' };
    case 'unreachable':
      return { title: 'Could not reach the server.', detail: 'Check the connection and try again.', tone: 'bad' };
    case 'failed': {
      // A 2xx lands here when its body did not say "approved" (a portal's page): no "error 200".
      const answer = result.status < 300 ? 'The server’s answer did not say the TV is approved.' : `The server answered with error ${result.status}.`;
      return { title: 'The TV could not be approved right now.', detail: `${answer} Try again later.`, tone: 'bad' };
    }
  }
}

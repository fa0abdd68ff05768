import { auditFlow } from './flows/audit.flow';
import { breakGlassFlow } from './flows/break-glass.flow';
import { consentRevocationFlow } from './flows/consent-revocation.flow';
import { liveUpdatesFlow } from './flows/live-updates.flow';
import { minorProtectionFlow } from './flows/minor-protection.flow';
import { protocolAcknowledgementFlow } from './flows/protocol-acknowledgement.flow';
import { referralLoopFlow } from './flows/referral-loop.flow';
import { signInFlow } from './flows/sign-in.flow';
import { technicalAssistanceFlow } from './flows/technical-assistance.flow';
import { keyboardOnlyFlow } from './flows/keyboard-only.flow';
import { spanishFlow } from './flows/spanish.flow';
import { startWebHub, type WebHub } from './support/web-hub';

/**
 * Every browser flow, in one process against one hub: starting PostgreSQL, dev-idp, the API, Vite
 * and Chromium costs far more than a flow, so flows are `flows/*.flow.ts` modules registered here
 * (a new flow is one import and one line). Each flow makes its own records and people.
 */
// A flow of many screens and two or three people takes 15–60 s, more on a loaded machine. The
// project's own testTimeout does not apply when npm test runs every project in one jest (a global
// option), so the file sets it.
jest.setTimeout(180_000);

describe('the web app in Chromium against the real API, dev-idp and PostgreSQL', () => {
  let hub: WebHub | undefined;
  const started = (): WebHub => {
    if (!hub) throw new Error('the hub did not start');
    return hub;
  };

  beforeAll(async () => {
    hub = await startWebHub();
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
  });

  signInFlow(started);
  referralLoopFlow(started);
  consentRevocationFlow(started);
  minorProtectionFlow(started);
  breakGlassFlow(started);
  auditFlow(started);
  technicalAssistanceFlow(started);
  protocolAcknowledgementFlow(started);
  keyboardOnlyFlow(started);
  spanishFlow(started);
  // Last: it marks legal.caseworker's notifications read and changes their delivery setting.
  liveUpdatesFlow(started);
});

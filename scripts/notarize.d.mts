/** Types of scripts/notarize.mjs (the electron-builder afterSign hook). */
export type NotarizeCredentials =
  | {
      kind: 'api-key';
      options: { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string };
    }
  | { kind: 'apple-id'; options: { appleId: string; appleIdPassword: string; teamId: string } }
  | { kind: 'keychain-profile'; options: { keychainProfile: string } }
  | { kind: 'none'; reason: string };

export function notarizeCredentials(env: Record<string, string | undefined>): NotarizeCredentials;

export interface AfterSignContext {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}

export default function notarizeHook(
  context: AfterSignContext,
  deps?: {
    env?: Record<string, string | undefined>;
    notarize?: (options: object) => Promise<void>;
    log?: (line: string) => void;
  },
): Promise<void>;

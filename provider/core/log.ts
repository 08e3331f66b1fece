/**
 * Lines for the engine's output. The engine shows what the provider process
 * prints (stdout as info, stderr as warnings) among the stack's diagnostics.
 */
export const log = {
  info(message: string): void {
    console.log(`sinch-fax: ${message}`);
  },
  warn(message: string): void {
    console.error(`sinch-fax: warning: ${message}`);
  },
};

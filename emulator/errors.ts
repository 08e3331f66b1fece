/** Base of the emulator's own errors: `name` is the class's name. */
export class EmulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

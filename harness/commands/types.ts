// What a CLI command is: a name, a one-line usage, and its body, which returns the exit code.

export interface Command {
  name: string;
  usage: string;
  main(argv: string[]): Promise<number>;
}

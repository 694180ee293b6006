namespace MultiLabel.Cli.Inputs;

/// <summary>A path given on the command line that cannot be what its option takes; the message names the option and what it takes.</summary>
public sealed class InputPathException(string message) : Exception(message);

namespace MultiLabel.Cli.Parsing;

/// <summary>A command line this tool cannot run as written (an unknown option, a bad value); reported in one sentence with exit code 64.</summary>
public sealed class UsageException(string message) : Exception(message);

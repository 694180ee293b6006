using Spectre.Console.Cli;

namespace MultiLabel.Cli.Parsing;

/// <summary>
/// Closes the two gaps Spectre.Console.Cli 0.57.2's strict parsing leaves, checked after binding and before a command
/// runs: words after <c>--</c> are set aside silently (no command takes any), and an option given last without its
/// value (<c>train --data</c>) is bound to the placeholder <see cref="Placeholder"/> that its parser inserts while
/// retrying (CommandExecutor tries a default command at every position), so the command would run with that text.
/// </summary>
internal sealed class StrictArguments : ICommandInterceptor
{
    /// <summary>The word Spectre.Console.Cli inserts when it retries a failed parse with a default command.</summary>
    public const string Placeholder = "__default_command";

    public void Intercept(CommandContext context, CommandSettings settings)
    {
        var command = CommandCatalog.Find(context.Arguments);
        string name = command?.Words ?? context.Name;
        if (context.Remaining.Raw.Count > 0)
            throw new UsageException($"{name} takes nothing after --, but was given {string.Join(' ', context.Remaining.Raw)}; put it before the --.");
        foreach (var option in command?.Options ?? [])
        {
            object? value = option.Property.GetValue(settings);
            if (value is string text && text == Placeholder || value is string[] texts && texts.Contains(Placeholder))
                throw new UsageException(option.MissingValue);
        }
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}

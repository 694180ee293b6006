using System.Diagnostics;

namespace MultiLabel.Cli.Tests;

/// <summary>What one run of the CLI did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the real built CLI (<c>dotnet multilabel.dll ...</c>) as a child process.</summary>
internal static class Cli
{
    private static readonly string Dll = FindDll();

    /// <summary>Runs <c>multilabel <paramref name="args"/></c> in <paramref name="workingDirectory"/>; arguments reach it unexpanded, as from a shell that leaves patterns alone.</summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["MULTILABEL_CACHE"] = Path.Combine(workingDirectory, ".cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["COLUMNS"] = "80"; // as many shells export it; output to a pipe must not wrap at it
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"multilabel {string.Join(' ', args)} did not finish within 120 s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The CLI as built next to the tests (the project reference copies it here).</summary>
    private static string FindDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "multilabel.dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "multilabel.runtimeconfig.json")))
            throw new InvalidOperationException($"The built CLI was not found at {dll}; build tests/MultiLabel.Cli.Tests (it references src/MultiLabel.Cli).");
        return dll;
    }
}

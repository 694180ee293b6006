using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MultiLabel.Cli.Tests.Hostile;

/// <summary>Issue 14, item 10: SIGTERM while serve is still loading its model stops it quietly.</summary>
public class ServeShutdownTests
{
    [Fact]
    public void Sigterm_while_the_model_loads_stops_the_server_without_a_trace()
    {
        // The v1 fixture has no model.onnx: opening it exports the network in memory through libtorch, the slow native load.
        string bundle = Path.Combine(TestData.RepoRoot, "tests", "Fixtures", "bundle-v1", "model.mlpkg");
        using var folder = TestData.NewTempFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "multilabel.dll"), "serve", "--model", bundle, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = new List<string>();
        string? line;
        while ((line = process.StandardError.ReadLine()) != null)
        {
            stderr.Add(line);
            if (line.StartsWith("listening on", StringComparison.Ordinal)) break;
        }

        Assert.Equal(0, Kill(process.Id, 15));
        string rest = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "serve did not stop");

        string all = string.Join('\n', stderr) + "\n" + rest;
        Assert.True(process.ExitCode == 0, all);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(all, @"\n(stopped before the model finished loading|stopped)\s*$"), all);
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("Unhandled", all);
        Assert.DoesNotContain("terminate called", all);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

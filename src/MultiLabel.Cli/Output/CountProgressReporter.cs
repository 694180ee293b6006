namespace MultiLabel.Cli.Output;

/// <summary>Shows "VERB done/total" on stderr for work counted in items.</summary>
internal sealed class CountProgressReporter(string verb, int total, bool quiet = false) : IProgress<int>
{
    private readonly ProgressLine line = new(verb, quiet);

    public void Report(int done) => line.Show(done, total);
}

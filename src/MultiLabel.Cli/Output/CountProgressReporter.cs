namespace MultiLabel.Cli.Output;

/// <summary>Shows "VERB done/total" on stderr: one redrawn line on a terminal, a line per tenth otherwise.</summary>
internal sealed class CountProgressReporter(string verb, int total, bool quiet = false) : IProgress<int>
{
    private readonly Lock gate = new();
    private int lastTenth = -1;

    public void Report(int done)
    {
        if (quiet || total == 0) return;
        lock (gate)
        {
            string line = $"{verb} {done}/{total}";
            if (Terminal.ErrorIsInteractive)
            {
                Console.Error.Write("\r" + line + (done >= total ? Environment.NewLine : ""));
                return;
            }
            int tenth = done * 10 / total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            Console.Error.WriteLine(line);
        }
    }
}

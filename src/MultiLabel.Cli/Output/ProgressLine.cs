namespace MultiLabel.Cli.Output;

/// <summary>
/// One progress line on stderr ("VERB done/total"): redrawn in place on a terminal, one line per
/// tenth otherwise. Reports from parallel workers may arrive out of order; older counts are ignored.
/// </summary>
internal sealed class ProgressLine(string verb, bool quiet)
{
    private readonly Lock gate = new();
    private int lastTenth = -1;
    private int highest = -1;

    public void Show(int done, int total, string suffix = "")
    {
        if (quiet || total == 0) return;
        lock (gate)
        {
            if (done <= highest) return;
            // A finished count starts the line afresh for the next job (e.g. the validation folder).
            highest = done >= total ? -1 : done;
            string line = $"{verb} {done}/{total}{suffix}";
            if (Terminal.ErrorIsInteractive)
            {
                Console.Error.Write("\r" + line + (done >= total ? Environment.NewLine : ""));
                return;
            }
            int tenth = done * 10 / total;
            if (tenth == lastTenth) return;
            lastTenth = done >= total ? -1 : tenth;
            Console.Error.WriteLine(line);
        }
    }
}

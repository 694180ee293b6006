using MultiLabel.Data;

namespace MultiLabel.Cli.Output;

/// <summary>Shows decoding progress on stderr: one redrawn line on a terminal, a line per tenth otherwise.</summary>
internal sealed class DecodeProgressReporter(bool quiet) : IProgress<DecodeProgress>
{
    private readonly Lock gate = new();
    private int lastTenth = -1;

    public void Report(DecodeProgress value)
    {
        if (quiet || value.Total == 0) return;
        lock (gate)
        {
            string line = $"decoding images {value.Done}/{value.Total} ({value.FromCache} from cache)";
            if (Terminal.ErrorIsInteractive)
            {
                Console.Error.Write("\r" + line + (value.Done == value.Total ? Environment.NewLine : ""));
                return;
            }
            int tenth = value.Done * 10 / value.Total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            Console.Error.WriteLine(line);
        }
    }
}

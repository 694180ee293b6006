namespace MultiLabel.Bench;

/// <summary>The process's peak resident set size (VmHWM), from /proc.</summary>
internal static class PeakRss
{
    public static double Megabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return double.NaN;
        string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line == null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}

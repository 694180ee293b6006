using System.Globalization;

namespace MultiLabel.Native;

/// <summary>
/// How much CPU other processes take, from Linux's counters: the machine's busy time in <c>/proc/stat</c> (user, nice,
/// system, interrupts and time stolen by the hypervisor, over every CPU) minus this process's own in
/// <c>/proc/self/stat</c>, per wall-clock interval, in cores. Unavailable (null) off Linux, or where this process may
/// use fewer CPUs than the machine has (a container's quota, an affinity mask): then the machine's counters say
/// nothing about this process's share.
/// </summary>
internal sealed class CpuShare
{
    private readonly int cpus;
    private (long Busy, long Total, long Self)? last;

    private CpuShare(int cpus) => this.cpus = cpus;

    /// <summary>A meter, or null where the counters cannot tell this process's share.</summary>
    public static CpuShare? TryCreate()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            int cpus = File.ReadLines("/proc/stat").Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && l.Length > 3 && char.IsAsciiDigit(l[3]));
            if (cpus < 2 || cpus != Environment.ProcessorCount) return null;
            var meter = new CpuShare(cpus);
            return meter.Read() is null ? null : meter;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Cores the machine has.</summary>
    public int Cpus => cpus;

    /// <summary>Cores other processes used on average since the last call (null on the first call, or when the counters cannot be read).</summary>
    public double? OthersSinceLast()
    {
        var now = Read();
        if (now is null) return null;
        var before = last;
        last = now;
        if (before is not { } b || now.Value.Total <= b.Total) return null;
        double others = (now.Value.Busy - b.Busy) - (now.Value.Self - b.Self);
        return Math.Max(0, others) / (now.Value.Total - b.Total) * cpus;
    }

    private (long Busy, long Total, long Self)? Read()
    {
        try
        {
            string line = File.ReadLines("/proc/stat").First();
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            if (f.Length < 8) return null;
            // user nice system idle iowait irq softirq steal (guest time is inside user)
            long busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
            long total = busy + f[3] + f[4];
            string self = File.ReadAllText("/proc/self/stat");
            // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
            var after = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            long own = long.Parse(after[11], CultureInfo.InvariantCulture) + long.Parse(after[12], CultureInfo.InvariantCulture);
            return (busy, total, own);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }
}

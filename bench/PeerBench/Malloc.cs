using System.Runtime.InteropServices;

namespace MultiLabel.Bench;

internal static class Malloc
{
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    public static string Apply(string mode)
    {
        const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3, MmapMax = -4;
        var r = new List<int>();
        switch (mode)
        {
            case "trim": r.Add(Mallopt(TrimThreshold, int.MaxValue)); break;
            case "mmap32": r.Add(Mallopt(MmapThreshold, 32 << 20)); r.Add(Mallopt(TrimThreshold, int.MaxValue)); break;
            case "nommap": r.Add(Mallopt(MmapMax, 0)); r.Add(Mallopt(TrimThreshold, int.MaxValue)); break;
            case "nommap-pad": r.Add(Mallopt(MmapMax, 0)); r.Add(Mallopt(TrimThreshold, int.MaxValue)); r.Add(Mallopt(TopPad, 64 << 20)); break;
        }
        return string.Join(",", r);
    }
}

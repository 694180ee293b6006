using System.Runtime.InteropServices;

namespace MultiLabel.Data.Caching;

/// <summary>
/// Tells the kernel which pages of a memory-mapped file this process no longer needs (Linux <c>madvise</c>). Pages of
/// a mapped file count in the process's resident memory once touched; dropping them from the mapping
/// (<c>MADV_DONTNEED</c>) keeps resident memory flat while the pages stay in the kernel's page cache, so reading them
/// again costs a page-table entry, not a disk read. <c>MADV_WILLNEED</c> starts reading pages ahead.
/// </summary>
internal static class PageRelease
{
    private const int WillNeed = 3;
    private const int DontNeed = 4;
    private static bool unavailable = !OperatingSystem.IsLinux();

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(IntPtr address, nuint length, int advice);

    /// <summary>Drops the pages of <paramref name="length"/> bytes from <paramref name="address"/> (page-aligned) from this process's memory.</summary>
    public static void Drop(IntPtr address, long length) => Advise(address, length, DontNeed);

    /// <summary>Asks for the pages from <paramref name="address"/> (page-aligned) to be read ahead.</summary>
    public static void Prefetch(IntPtr address, long length) => Advise(address, length, WillNeed);

    private static void Advise(IntPtr address, long length, int advice)
    {
        if (unavailable || length <= 0) return;
        try { Madvise(address, (nuint)length, advice); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { unavailable = true; }
    }
}

using System.Security.Cryptography;

namespace MultiLabel.Cli.Tests.Hostile;

/// <summary>Every file under a folder with its SHA-256, to show a command left a user's files exactly as they were.</summary>
internal static class Snapshot
{
    public static SortedDictionary<string, string> Of(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            if (!file.Contains("/.cache/")) files[Path.GetRelativePath(folder, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return files;
    }
}

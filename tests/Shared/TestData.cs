// Shared by every test project (linked from each .csproj): where the real images live, and temporary folders.
namespace MultiLabel.Tests;

/// <summary>Where the real images the tests use live: the repo's samples and the shared datasets.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared datasets: $MULTILABEL_DATASETS, else ../shared/datasets beside the repo, else /work/shared/datasets.</summary>
    public static string Datasets { get; } = FindDatasets();

    public static string Apparel => Path.Combine(Datasets, "apparel");

    public static string BadInputs => Path.Combine(Datasets, "bad-inputs");

    public static string Samples => Path.Combine(RepoRoot, "samples", "apparel-mini");

    public static string BadInput(string relative) => Path.Combine(BadInputs, relative);

    /// <summary>A fresh folder under the system temp folder, deleted when disposed.</summary>
    public static TempFolder NewTempFolder() => new();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiLabel.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (MultiLabel.slnx) above " + AppContext.BaseDirectory);
    }

    private static string FindDatasets()
    {
        string[] candidates =
        [
            Environment.GetEnvironmentVariable("MULTILABEL_DATASETS") ?? "",
            Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "datasets")),
            "/work/shared/datasets",
        ];
        return candidates.FirstOrDefault(c => c.Length > 0 && Directory.Exists(Path.Combine(c, "apparel")))
            ?? throw new InvalidOperationException(
                "The shared datasets were not found; set MULTILABEL_DATASETS to the folder holding apparel/ and bad-inputs/.");
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "multilabel-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies <paramref name="source"/> to <paramref name="relative"/> inside this folder, creating folders.</summary>
    public string Copy(string source, string relative)
    {
        string target = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return target;
    }

    /// <summary>Copies the first <paramref name="perFolder"/> images of each of <paramref name="folders"/> (label folders of <paramref name="source"/>) into <paramref name="relative"/>.</summary>
    public string CopyImages(string source, string relative, int perFolder, params string[] folders)
    {
        foreach (string name in folders)
            foreach (string file in Directory.GetFiles(System.IO.Path.Combine(source, name)).Order(StringComparer.Ordinal).Take(perFolder))
                Copy(file, System.IO.Path.Combine(relative, name, System.IO.Path.GetFileName(file)));
        return Combine(relative);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

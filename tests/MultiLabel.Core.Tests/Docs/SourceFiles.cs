namespace MultiLabel.Tests.Docs;

/// <summary>The C# files of the repository under some of its folders, build outputs (bin/, obj/) left out.</summary>
internal static class SourceFiles
{
    public static IEnumerable<string> Under(params string[] folders)
    {
        char s = Path.DirectorySeparatorChar;
        return folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(TestData.RepoRoot, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{s}obj{s}") && !f.Contains($"{s}bin{s}"));
    }
}

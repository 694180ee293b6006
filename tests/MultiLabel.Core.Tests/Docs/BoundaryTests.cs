using System.Text.RegularExpressions;

namespace MultiLabel.Tests.Docs;

/// <summary>Issue 12's boundary, kept: Core speaks in types (no command-line flags), and its rooms import one way only.</summary>
public sealed partial class BoundaryTests
{
    private static IEnumerable<string> CoreSources() => SourceFiles.Under(Path.Combine("src", "MultiLabel.Core"));

    [Fact]
    public void No_file_of_core_names_a_command_line_flag()
    {
        var found = CoreSources().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Flag().IsMatch(x.line)).Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();

        Assert.True(found.Count == 0, "Core names flags (the CLI maps properties to flags in SettingFlags):\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_two_rooms_of_core_import_each_other()
    {
        string core = Path.Combine(TestData.RepoRoot, "src", "MultiLabel.Core") + Path.DirectorySeparatorChar;
        var imports = new Dictionary<string, HashSet<string>>();
        foreach (string file in CoreSources())
        {
            string relative = file[core.Length..];
            if (!relative.Contains(Path.DirectorySeparatorChar)) continue; // the root's few shared types
            string room = relative[..relative.IndexOf(Path.DirectorySeparatorChar)];
            if (!imports.TryGetValue(room, out var used)) imports[room] = used = [];
            foreach (Match m in Using().Matches(File.ReadAllText(file)))
                if (m.Groups[1].Value != room) used.Add(m.Groups[1].Value);
        }

        var pairs = imports.SelectMany(a => a.Value.Where(b => imports.GetValueOrDefault(b)?.Contains(a.Key) == true).Select(b => $"{a.Key} ↔ {b}")).ToList();

        Assert.True(pairs.Count == 0, "rooms importing each other: " + string.Join(", ", pairs));
        Assert.NotEmpty(imports); // the walk found the rooms
    }

    [GeneratedRegex(@"""--|--[a-z]")]
    private static partial Regex Flag();

    [GeneratedRegex(@"^using MultiLabel\.([A-Za-z]+)[.;]", RegexOptions.Multiline)]
    private static partial Regex Using();
}

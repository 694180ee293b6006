using System.Text.RegularExpressions;

namespace MultiLabel.Tests.Docs;

/// <summary>ARCHITECTURE.md is the map: every type, member and path it names in backticks exists in the code.</summary>
public sealed partial class ArchitectureDocTests
{
    /// <summary>Names the map uses that belong to other projects (TorchSharp, libtorch, ONNX), not to MultiLabel.</summary>
    private static readonly HashSet<string> Foreign = ["Tensor", "IProgress", "ILogger", "ResNet18"];

    [Fact]
    public void Every_type_member_and_path_the_map_names_exists()
    {
        string root = TestData.RepoRoot;
        string map = File.ReadAllText(Path.Combine(root, "ARCHITECTURE.md"));
        var sources = SourceFiles.Under("src", "tests").ToDictionary(f => f, File.ReadAllText);
        var missing = new List<string>();

        foreach (Match span in Code().Matches(map))
        {
            string text = span.Groups[1].Value;
            if (text.StartsWith('/') || text.StartsWith("MultiLabel.", StringComparison.Ordinal) || File.Exists(Path.Combine(root, text)))
                continue; // a URL path, a namespace, a file at the root (Dockerfile)
            if (LooksLikePath(text))
            {
                string path = text.TrimEnd('/');
                string[] bases = [root, .. Directory.GetDirectories(Path.Combine(root, "src")), .. Directory.GetDirectories(Path.Combine(root, "tests"))];
                if (!bases.Any(b => File.Exists(Path.Combine(b, path)) || Directory.Exists(Path.Combine(b, path)) ||
                                    Directory.EnumerateFileSystemEntries(b, Path.GetFileName(path), SearchOption.AllDirectories).Any(e => e.EndsWith(path, StringComparison.Ordinal))))
                    missing.Add($"path {text}");
                continue;
            }
            var name = TypeName().Match(text);
            if (!name.Success || Foreign.Contains(name.Groups["type"].Value)) continue;
            string type = name.Groups["type"].Value;
            var declaring = sources.Where(s => Regex.IsMatch(s.Value, $@"\b(class|record|struct|interface|enum)\s+{type}\b")).ToList();
            if (declaring.Count == 0)
            {
                missing.Add($"type {type} (in `{text}`)");
                continue;
            }
            if (name.Groups["member"].Success && !declaring.Any(s => Regex.IsMatch(s.Value, $@"\b{name.Groups["member"].Value}\b")))
                missing.Add($"member {type}.{name.Groups["member"].Value}");
        }

        Assert.True(missing.Count == 0, "ARCHITECTURE.md names what the code does not have:\n" + string.Join("\n", missing));
    }

    private static bool LooksLikePath(string text) =>
        !text.Contains(' ') && (text.Contains('/') || Regex.IsMatch(text, @"\.(cs|proto|targets|props|md|sh|html|js|css)$"));

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Code();

    /// <summary>A MultiLabel-style type name, optionally with one member: <c>Predictor</c>, <c>ModelBundle.Save</c>, <c>Learner.Fit</c>.</summary>
    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(\.(?<member>[A-Z][A-Za-z0-9]*))?(\(\))?$")]
    private static partial Regex TypeName();
}

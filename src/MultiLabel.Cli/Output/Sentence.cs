namespace MultiLabel.Cli.Output;

/// <summary>Lists written as a sentence writes them.</summary>
internal static class Sentence
{
    /// <summary><c>a</c>, <c>a or b</c>, <c>a, b or c</c>.</summary>
    public static string Or(IEnumerable<string> items) => Join(items, "or");

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string And(IEnumerable<string> items) => Join(items, "and");

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} {conjunction} {list[^1]}";
    }
}

namespace MultiLabel.Cli.Parsing;

/// <summary>What a user probably meant by a name that does not exist: the closest known names by typing distance or prefix.</summary>
internal static class NearestName
{
    /// <summary>
    /// The names among <paramref name="known"/> closest to <paramref name="typed"/>, best first (several when they tie):
    /// the same name in another case; then names one or two typing mistakes away (a letter wrong, missing, extra or two
    /// swapped; one, and the same first letter, for names up to four letters, so <c>gpu</c> is not taken for <c>cpu</c>);
    /// then names the typed one begins or ends (<c>top</c> for <c>top-k</c>, <c>out-dir</c> for <c>out</c>). Empty when
    /// nothing is close.
    /// </summary>
    public static IReadOnlyList<string> Among(string typed, IEnumerable<string> known)
    {
        int limit = typed.Length <= 4 ? 1 : 2;
        var scored = known.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Score: Score(typed, name, limit)))
            .Where(s => s.Score != null)
            .ToArray();
        if (scored.Length == 0) return [];
        double best = scored.Min(s => s.Score!.Value);
        return scored.Where(s => s.Score == best).Select(s => s.Name).ToArray();
    }

    private static double? Score(string typed, string name, int limit)
    {
        if (string.Equals(typed, name, StringComparison.OrdinalIgnoreCase)) return 0;
        int distance = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
        bool sameStart = typed.Length > 4 || name.Length == 0 || typed.Length == 0 || char.ToLowerInvariant(typed[0]) == char.ToLowerInvariant(name[0]);
        if (distance <= limit && sameStart) return distance;
        bool prefix = (typed.Length >= 2 && name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                      || (name.Length >= 3 && typed.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        return prefix ? limit + 1 : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
        {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}

using MultiLabel.Data;

namespace MultiLabel.Tests.Inference;

/// <summary>
/// Images whose labels depend only on where a coloured square is: <c>red</c> when a red square lies in the top-left
/// quadrant, <c>blue</c> when a blue one lies in the bottom-right one, on grey noise. Decoys that mean nothing share
/// the other quadrants (each square has a quadrant of its own): a green square in most images and, when asked for, red
/// squares outside the top left and blue ones outside the bottom right — so neither colour nor place alone gives a
/// label away. Made from a seed, so every run sees the same pictures.
/// </summary>
internal static class QuadrantImages
{
    public const int Size = 48;

    /// <summary>The labels in vocabulary order.</summary>
    public static readonly string[] Labels = ["blue", "red"];

    /// <summary>
    /// <paramref name="count"/> images; each carries red and blue with probability <paramref name="chance"/> each
    /// (1 gives every image both squares), with red and blue decoys elsewhere when <paramref name="colouredDecoys"/>.
    /// </summary>
    public static DecodedImages Make(int count, int seed, double chance = 0.5, bool colouredDecoys = true)
    {
        var random = new Random(seed);
        var records = new ImageRecord[count];
        var pixels = new byte[count][];
        (byte, byte, byte) red = (230, 40, 40), blue = (40, 60, 230), green = (40, 210, 60);
        for (int i = 0; i < count; i++)
        {
            var image = new byte[3 * Size * Size];
            for (int p = 0; p < Size * Size; p++)
            {
                byte grey = (byte)random.Next(90, 160);
                image[p] = image[Size * Size + p] = image[2 * Size * Size + p] = grey;
            }
            var free = new List<int> { 0, 1, 2, 3 };
            var labels = new List<string>();
            if (random.NextDouble() < chance)
            {
                labels.Add("blue");
                Square(image, random, Take(free, 3), blue);
            }
            if (random.NextDouble() < chance)
            {
                labels.Add("red");
                Square(image, random, Take(free, 0), red);
            }
            if (colouredDecoys && random.NextDouble() < 0.5 && Free(free, random, except: 0) is { } q1) Square(image, random, Take(free, q1), red);
            if (colouredDecoys && random.NextDouble() < 0.5 && Free(free, random, except: 3) is { } q2) Square(image, random, Take(free, q2), blue);
            if (random.NextDouble() < 0.7 && Free(free, random, except: -1) is { } q3) Square(image, random, Take(free, q3), green);
            records[i] = new ImageRecord($"quadrant-{seed}-{i}.png", labels);
            pixels[i] = image;
        }
        return new DecodedImages(records, pixels, Size, Size, []);
    }

    private static int Take(List<int> free, int quadrant)
    {
        free.Remove(quadrant);
        return quadrant;
    }

    /// <summary>A random free quadrant other than <paramref name="except"/>, or null when there is none.</summary>
    private static int? Free(List<int> free, Random random, int except)
    {
        var candidates = free.Where(q => q != except).ToArray();
        return candidates.Length == 0 ? null : candidates[random.Next(candidates.Length)];
    }

    /// <summary>The image's targets under <see cref="Labels"/>.</summary>
    public static float[] Targets(DecodedImages images) => new LabelVocabulary(Labels).EncodeAll(images.Images);

    /// <summary>The pixels of every image, decoded-image style.</summary>
    public static DecodedImage[] Each(DecodedImages images) =>
        Enumerable.Range(0, images.Count).Select(i => new DecodedImage(images.Pixels(i).ToArray(), Size, Size)).ToArray();

    /// <summary>
    /// A square of 8–12 px in <paramref name="quadrant"/> (0 top left, 1 top right, 2 bottom left, 3 bottom right), wholly
    /// inside it and at least 3 px from the lines between the quadrants, so which quadrant holds it is never in doubt.
    /// </summary>
    private static void Square(byte[] image, Random random, int quadrant, (byte R, byte G, byte B) colour)
    {
        int half = Size / 2, side = random.Next(8, 13), gap = 3;
        int Start(int index) => index == 0 ? random.Next(1, half - side - gap + 1) : half + gap + random.Next(0, half - side - gap);
        int left = Start(quadrant % 2), top = Start(quadrant / 2);
        for (int y = top; y < top + side; y++)
            for (int x = left; x < left + side; x++)
            {
                image[y * Size + x] = colour.R;
                image[Size * Size + y * Size + x] = colour.G;
                image[2 * Size * Size + y * Size + x] = colour.B;
            }
    }
}

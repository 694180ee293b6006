namespace MultiLabel.Inference;

/// <summary>
/// Where in one image the model found the evidence for one label (a Grad-CAM map, see <see cref="Explainer"/>):
/// one value from 0 (no evidence) to 1 (the strongest) per pixel of the model's input, row-major
/// <c>[<see cref="Height"/>, <see cref="Width"/>]</c>. The input is the whole image stretched to a square, so the map
/// stretched back to the image's own size lies over it exactly.
/// </summary>
/// <param name="Label">The label explained.</param>
/// <param name="Score">The model's probability for that label on this image.</param>
/// <param name="Width">Width of the map in pixels (the model's input size).</param>
/// <param name="Height">Height of the map in pixels.</param>
/// <param name="Values">The map, row-major, each value in [0, 1].</param>
public sealed record HeatMap(string Label, float Score, int Width, int Height, float[] Values)
{
    /// <summary>The map's total mass (the sum of its values); 0 when the model found no positive evidence anywhere.</summary>
    public double Mass => Values.Sum(v => (double)v);

    /// <summary>
    /// The map's centre of mass as fractions of its width and height, measured from the top left (0–1 each; the
    /// centre of a pixel counts, so a map lit only at its top-left pixel gives <c>0.5/Width</c>); the image's centre,
    /// (0.5, 0.5), when the map is empty.
    /// </summary>
    public (double X, double Y) Center
    {
        get
        {
            double total = 0, x = 0, y = 0;
            for (int row = 0; row < Height; row++)
                for (int column = 0; column < Width; column++)
                {
                    double v = Values[row * Width + column];
                    total += v;
                    x += v * (column + 0.5);
                    y += v * (row + 0.5);
                }
            return total > 0 ? (x / total / Width, y / total / Height) : (0.5, 0.5);
        }
    }

    /// <summary>
    /// The share of the map's mass inside the rectangle from (<paramref name="left"/>, <paramref name="top"/>) to
    /// (<paramref name="right"/>, <paramref name="bottom"/>), given as fractions of the width and height (a pixel counts
    /// when its centre lies inside); 0 for an empty map.
    /// </summary>
    public double MassShare(double left, double top, double right, double bottom)
    {
        double total = 0, inside = 0;
        for (int row = 0; row < Height; row++)
        {
            double cy = (row + 0.5) / Height;
            for (int column = 0; column < Width; column++)
            {
                double v = Values[row * Width + column], cx = (column + 0.5) / Width;
                total += v;
                if (cx >= left && cx < right && cy >= top && cy < bottom) inside += v;
            }
        }
        return total > 0 ? inside / total : 0;
    }
}

namespace Folio.Bench;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few very common, a long rare tail.</summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double exponent)
    {
        _cumulative = new double[n];
        var total = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = total;
        }
    }

    public int Count => _cumulative.Length;

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    /// <summary>How many of <paramref name="total"/> draws land on each rank.</summary>
    public int[] Spread(int total, Random random)
    {
        var counts = new int[Count];
        for (var i = 0; i < total; i++)
        {
            counts[Next(random)]++;
        }

        return counts;
    }
}

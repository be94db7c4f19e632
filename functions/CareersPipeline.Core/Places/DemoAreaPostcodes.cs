namespace CareersPipeline.Core.Places;

/// <summary>
/// The postcodes of the demo data and the README, with coordinates rounded to about 100 m (public postcode centroids).
/// Used only when the offline fallback is on (local mode without internet), so the demo can show distances and matches.
/// </summary>
public static class DemoAreaPostcodes
{
    private const string Icb = "E54000010";
    private const string Stoke = "Stoke-on-Trent";
    private const string Newcastle = "Newcastle-under-Lyme";
    private const string Stafford = "Stafford";
    private const string WestMidlands = "West Midlands";

    private static readonly Dictionary<string, Place> Places = new(StringComparer.Ordinal)
    {
        ["ST1 1HD"] = new(53.0246, -2.1751, Stoke, WestMidlands, Icb),
        ["ST1 1HR"] = new(53.0240, -2.1768, Stoke, WestMidlands, Icb),
        ["ST1 3DN"] = new(53.0262, -2.1713, Stoke, WestMidlands, Icb),
        ["ST3 1PQ"] = new(52.9894, -2.1311, Stoke, WestMidlands, Icb),
        ["ST4 6QG"] = new(53.0034, -2.2136, Stoke, WestMidlands, Icb),
        ["ST4 8PQ"] = new(52.9671, -2.1979, Stoke, WestMidlands, Icb),
        ["ST6 6LP"] = new(53.0530, -2.1987, Stoke, WestMidlands, Icb),
        ["ST6 8BG"] = new(53.0478, -2.1891, Stoke, WestMidlands, Icb),
        ["ST5 2GB"] = new(53.0087, -2.2341, Newcastle, WestMidlands, Icb),
        ["ST5 2LY"] = new(53.0121, -2.2373, Newcastle, WestMidlands, Icb),
        ["ST7 2UL"] = new(53.0862, -2.2461, Newcastle, WestMidlands, Icb),
        ["ST10 1JT"] = new(52.9856, -1.9883, "Staffordshire Moorlands", WestMidlands, Icb),
        ["ST13 5ED"] = new(53.1058, -2.0236, "Staffordshire Moorlands", WestMidlands, Icb),
        ["ST16 2DH"] = new(52.8066, -2.1175, Stafford, WestMidlands, Icb),
        ["ST16 2QR"] = new(52.8085, -2.1208, Stafford, WestMidlands, Icb),
        ["ST16 3SR"] = new(52.8121, -2.1096, Stafford, WestMidlands, Icb),
        ["ST17 4JH"] = new(52.7917, -2.1006, Stafford, WestMidlands, Icb),
        ["DE14 1AA"] = new(52.8030, -1.6368, "East Staffordshire", WestMidlands, Icb),
        ["DE14 3RL"] = new(52.8057, -1.6422, "East Staffordshire", WestMidlands, Icb),
        ["WS13 6QN"] = new(52.6880, -1.8236, "Lichfield", WestMidlands, Icb),
        ["WV10 9BS"] = new(52.6106, -2.1090, "Wolverhampton", WestMidlands, "E54000062"),
    };

    public static IReadOnlyCollection<string> All => Places.Keys;

    /// <summary>The place of a postcode in its normal form ("ST4 6QG"), or null when it is not one of the demo postcodes.</summary>
    public static Place? Find(string postcode) => Places.GetValueOrDefault(postcode.Trim().ToUpperInvariant());
}

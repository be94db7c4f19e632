using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;

namespace CareersPipeline.Benchmarks.Matching;

/// <summary>
/// Benchmark data shaped like the real thing: people and workplaces around English towns in proportion to their
/// population (rough 2021 census figures, in thousands), spread wider around bigger towns. Deterministic per seed.
/// <see cref="Scenario.Region"/> puts everything within 30 miles of Stoke-on-Trent instead: one ICS on its own, as the
/// national import's default area does.
/// </summary>
internal sealed class EnglandData(int seed, Scenario scenario)
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly (string Name, double Latitude, double Longitude, int Thousands)[] Towns =
    [
        ("London", 51.507, -0.128, 8900), ("Birmingham", 52.486, -1.890, 1150), ("Leeds", 53.801, -1.549, 810), ("Manchester", 53.483, -2.244, 550),
        ("Sheffield", 53.381, -1.470, 560), ("Bradford", 53.796, -1.759, 550), ("Liverpool", 53.408, -2.992, 490), ("Bristol", 51.455, -2.588, 470),
        ("Leicester", 52.637, -1.140, 370), ("Coventry", 52.407, -1.512, 345), ("Nottingham", 52.954, -1.158, 325), ("Newcastle", 54.978, -1.618, 300),
        ("Brighton", 50.822, -0.137, 280), ("Sunderland", 54.906, -1.381, 275), ("Hull", 53.744, -0.333, 265), ("Plymouth", 50.375, -4.143, 265),
        ("Wolverhampton", 52.587, -2.129, 265), ("Stoke-on-Trent", 53.003, -2.180, 260), ("Derby", 52.923, -1.476, 260), ("Southampton", 50.910, -1.404, 250),
        ("Salford", 53.488, -2.290, 270), ("Bolton", 53.578, -2.430, 295), ("Stockport", 53.409, -2.149, 295), ("Oldham", 53.541, -2.118, 240),
        ("Milton Keynes", 52.041, -0.759, 290), ("Northampton", 52.240, -0.902, 225), ("Luton", 51.878, -0.420, 225), ("Portsmouth", 50.820, -1.088, 210),
        ("York", 53.960, -1.087, 200), ("Peterborough", 52.573, -0.249, 215), ("Bournemouth", 50.720, -1.880, 200), ("Swindon", 51.568, -1.772, 235),
        ("Reading", 51.454, -0.978, 175), ("Colchester", 51.889, 0.901, 190), ("Chelmsford", 51.736, 0.469, 180), ("Preston", 53.763, -2.703, 150),
        ("Oxford", 51.752, -1.258, 160), ("Cambridge", 52.205, 0.119, 145), ("Norwich", 52.630, 1.297, 145), ("Ipswich", 52.057, 1.148, 140),
        ("Middlesbrough", 54.574, -1.235, 145), ("Blackpool", 53.817, -3.036, 140), ("Exeter", 50.718, -3.534, 130), ("Gloucester", 51.864, -2.238, 130),
        ("Lincoln", 53.230, -0.540, 105), ("Worcester", 52.192, -2.220, 105), ("Maidstone", 51.272, 0.529, 110), ("Bath", 51.381, -2.359, 95),
        ("Guildford", 51.236, -0.570, 80), ("Stafford", 52.807, -2.117, 70), ("Burton upon Trent", 52.803, -1.637, 75), ("Shrewsbury", 52.707, -2.753, 75),
        ("Carlisle", 54.892, -2.934, 75), ("Hereford", 52.056, -2.716, 60), ("Scarborough", 54.283, -0.399, 60), ("Canterbury", 51.280, 1.080, 55),
        ("King's Lynn", 52.754, 0.396, 45), ("Kendal", 54.328, -2.746, 30), ("Barnstaple", 51.080, -4.058, 25), ("Truro", 50.263, -5.051, 20),
    ];

    private static readonly CareerFamily[] CommonFamilies =
    [
        CareerFamily.Nursing, CareerFamily.Nursing, CareerFamily.Nursing, CareerFamily.SocialCare, CareerFamily.SocialCare, CareerFamily.SocialCare,
        CareerFamily.WiderHealthcareTeam, CareerFamily.WiderHealthcareTeam, CareerFamily.EstatesAndFacilities, CareerFamily.AlliedHealthProfessions,
        CareerFamily.AlliedHealthProfessions, CareerFamily.Pharmacy, CareerFamily.HealthcareScience, CareerFamily.Midwifery, CareerFamily.AmbulanceService,
        CareerFamily.Dental, CareerFamily.HealthInformatics, CareerFamily.PsychologicalTherapies, CareerFamily.PublicHealth, CareerFamily.MedicalAssociateProfessions,
        CareerFamily.Doctors,
    ];

    private readonly Random _random = new(seed);
    private readonly double[] _cumulative = Cumulative();

    public List<MatchCandidate> Opportunities(int count)
    {
        var result = new List<MatchCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            var kind = roll < 40 ? CandidateKind.Apprenticeship : roll < 90 ? CandidateKind.EntryLevelVacancy : CandidateKind.LevyFundedPlace;
            var apprenticeship = kind != CandidateKind.EntryLevelVacancy;
            var town = Town();
            var places = _random.Next(10) == 0 ? 1 + _random.Next(1, 3) : 1;
            var closes = Today.AddDays(_random.Next(1, 60));
            result.Add(new MatchCandidate(
                $"o{i:x24}",
                kind,
                $"Opportunity {i}",
                $"Employer {i % 997}",
                CommonFamilies[_random.Next(CommonFamilies.Length)],
                apprenticeship ? Pick([2, 2, 2, 2, 3, 3, 3, 4, 5, 6, 7]) : null,
                [.. Enumerable.Range(0, places).Select(_ => Near(town))],
                Remote: false,
                closes,
                apprenticeship ? closes.AddDays(_random.Next(30, 120)) : null,
                new CandidateRequirements(
                    _random.Next(10) < 7 ? 16 : 18,
                    RightToWorkInUk: true,
                    DrivingLicence: _random.Next(10) == 0,
                    QualificationLevel: _random.Next(10) < 3 ? Pick([QualificationLevel.Level1, QualificationLevel.Level2, QualificationLevel.Level3]) : null),
                SupportedEntry: !apprenticeship && _random.Next(7) == 0));
        }

        return result;
    }

    public List<MatchProfile> People(int count)
    {
        var result = new List<MatchProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(100);
            var route = roll < 40 ? JourneyRoute.InEducation : roll < 85 ? JourneyRoute.CareerChangerOrUnemployed : JourneyRoute.SeldomHeardSupported;
            var age = route == JourneyRoute.InEducation ? _random.Next(15, 20) : _random.Next(18, 60);
            var interests = Enumerable.Range(0, _random.Next(1, 4))
                .Select(_ => _random.Next(12) == 0 ? CareerFamily.NotSureYet : CommonFamilies[_random.Next(CommonFamilies.Length)])
                .ToHashSet();
            result.Add(new MatchProfile(
                $"person-{i}",
                $"a{i:x24}",
                route,
                Today.AddYears(-age).AddDays(-_random.Next(365)),
                route == JourneyRoute.SeldomHeardSupported && _random.Next(3) == 0 ? RightToWork.AwaitingDecision : RightToWork.Yes,
                route == JourneyRoute.InEducation ? Pick([QualificationLevel.Level1, QualificationLevel.Level2, QualificationLevel.Level2, QualificationLevel.Level3]) : (QualificationLevel)_random.Next(0, 9),
                interests,
                _random.Next(50) == 0 ? null : Near(Town()),
                _random.Next(10) < 7 ? TravelDistances.DefaultFor(route) : _random.Next(5, 41),
                _random.Next(10) switch { < 6 => true, < 8 => false, _ => null }));
        }

        return result;
    }

    private (double Latitude, double Longitude, double SpreadMiles) Town()
    {
        if (scenario == Scenario.Region)
        {
            // Stoke-on-Trent and the towns of Staffordshire, all within the 30-mile import circle.
            return Pick([(53.003, -2.180, 4.0), (52.807, -2.117, 3.0), (52.803, -1.637, 3.0), (53.106, -2.024, 2.0), (53.012, -2.237, 3.0), (52.688, -1.824, 3.0), (53.0, -2.1, 15.0)]);
        }

        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        var town = Towns[index < 0 ? ~index : index];
        return (town.Latitude, town.Longitude, 2 + (0.15 * Math.Sqrt(town.Thousands)));
    }

    // A normal scatter around the town (Box-Muller), in miles turned into degrees.
    private GeoPoint Near((double Latitude, double Longitude, double SpreadMiles) town)
    {
        var radius = town.SpreadMiles * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble()));
        var angle = 2 * Math.PI * _random.NextDouble();
        var lat = town.Latitude + (radius * Math.Sin(angle) / 69.1);
        var lon = town.Longitude + (radius * Math.Cos(angle) / (69.1 * Math.Cos(town.Latitude * Math.PI / 180)));
        return new GeoPoint(lat, lon);
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static double[] Cumulative()
    {
        var total = (double)Towns.Sum(t => t.Thousands);
        var running = 0.0;
        return [.. Towns.Select(t => (running += t.Thousands) / total)];
    }
}

public enum Scenario
{
    England,
    Region,
}

using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Matching;

/// <summary>
/// Random people and candidates with the edges matching must get right: shared workplaces (ties), workplaces on cell
/// edges, several workplaces per candidate, none, remote ones, closing today or yesterday, ages either side of a limit.
/// </summary>
internal sealed class RandomMatchData(int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<GeoPoint> _sharedPlaces = [];

    public List<MatchCandidate> Candidates(int count)
    {
        for (var i = 0; i < 12; i++)
        {
            _sharedPlaces.Add(Place());
        }

        var kinds = Enum.GetValues<CandidateKind>();
        var families = Enum.GetValues<CareerFamily>();
        var result = new List<MatchCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[_random.Next(kinds.Length)];
            var remote = _random.Next(25) == 0;
            var places = remote ? [] : Enumerable.Range(0, _random.Next(10) switch { 0 => 0, < 8 => 1, 8 => 2, _ => 3 }).Select(_ => Workplace()).ToArray();
            result.Add(new MatchCandidate(
                $"o{i:x24}",
                kind,
                $"Candidate {i}",
                "Employer",
                families[_random.Next(1, families.Length)],
                kind is CandidateKind.Apprenticeship or CandidateKind.LevyFundedPlace ? _random.Next(2, 8) : null,
                places,
                remote,
                MatchTestData.Today.AddDays(_random.Next(-2, 40)),
                _random.Next(3) == 0 ? null : MatchTestData.Today.AddDays(_random.Next(-30, 120)),
                new CandidateRequirements(
                    _random.Next(4) == 0 ? 18 : 16,
                    _random.Next(5) != 0,
                    _random.Next(6) == 0,
                    _random.Next(4) == 0 ? (QualificationLevel)_random.Next(0, 6) : null),
                _random.Next(5) == 0));
        }

        return result;
    }

    public List<MatchProfile> People(int count)
    {
        var families = Enum.GetValues<CareerFamily>();
        var result = new List<MatchProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var interests = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => families[_random.Next(families.Length)]).ToHashSet();
            result.Add(new MatchProfile(
                $"person-{i}",
                $"a{i:x24}",
                (JourneyRoute)_random.Next(3),
                MatchTestData.Today.AddYears(-_random.Next(14, 60)).AddDays(-_random.Next(0, 365)),
                (RightToWork)_random.Next(4),
                (QualificationLevel)_random.Next(0, 10),
                interests,
                _random.Next(15) == 0 ? null : _random.Next(4) == 0 && _sharedPlaces.Count > 0 ? _sharedPlaces[_random.Next(_sharedPlaces.Count)] : Place(),
                _random.Next(6) == 0 ? TravelDistances.MaximumMiles : _random.Next(TravelDistances.MinimumMiles, 30),
                _random.Next(3) switch { 0 => null, 1 => false, _ => true }));
        }

        return result;
    }

    // Workplaces: often shared (many candidates at one hospital), sometimes exactly on a cell edge.
    private GeoPoint Workplace() => _random.Next(3) switch
    {
        0 => _sharedPlaces[_random.Next(_sharedPlaces.Count)],
        1 => new GeoPoint(Math.Round(Place().Latitude, 1), Math.Round(Place().Longitude / 0.15) * 0.15),
        _ => Place(),
    };

    // Around Staffordshire, wider than any travel distance, so some of everything is out of reach.
    private GeoPoint Place() => new(52.2 + (_random.NextDouble() * 1.6), -3.2 + (_random.NextDouble() * 2.4));
}

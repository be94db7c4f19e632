namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The candidates on a grid of cells about seven miles square, so that matching a person reads only the cells within
/// their travel distance, nearest first, and skips any candidate that could not beat the matches already found.
/// Answers exactly as <see cref="BruteForceMatcher"/> does: the grid and the bound only skip candidates the rules
/// would exclude or rank below the cut, and every candidate that remains goes through the same <see cref="MatchRules"/>.
/// Immutable: a change builds a new index, so readers never see one half-updated.
/// </summary>
public sealed class CandidateIndex : IMatcher
{
    private const double CellLatitudeDegrees = 0.1;
    private const double CellLongitudeDegrees = 0.15;
    private const double EarthRadiusMiles = 3958.8;

    // Widens every search box a little, so rounding in the box arithmetic can never drop a workplace on its edge.
    private const double BoxMargin = 1.01;

    private readonly MatchCandidate[] _candidates;
    private readonly CandidateFacts[] _facts;
    private readonly bool[] _severalPlaces;
    private readonly int[] _remote;
    private readonly Dictionary<long, Workplace[]> _cells;
    private readonly Dictionary<string, int> _byId;

    private CandidateIndex(MatchCandidate[] candidates)
    {
        _candidates = candidates;
        _facts = new CandidateFacts[candidates.Length];
        _severalPlaces = new bool[candidates.Length];
        _byId = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        var remote = new List<int>();
        var cells = new Dictionary<long, List<Workplace>>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            _byId.Add(candidate.Id, i);
            _facts[i] = new CandidateFacts(candidate);
            if (candidate.Remote)
            {
                remote.Add(i);
                continue;
            }

            _severalPlaces[i] = candidate.Locations.Count > 1;
            foreach (var place in candidate.Locations)
            {
                var key = CellKey(Cell(place.Latitude, CellLatitudeDegrees), Cell(place.Longitude, CellLongitudeDegrees));
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }

                list.Add(new Workplace(i, place.Latitude, place.Longitude));
            }
        }

        _remote = [.. remote];
        _cells = cells.ToDictionary(c => c.Key, c => c.Value.ToArray());
    }

    public static CandidateIndex Empty { get; } = new([]);

    public int Count => _candidates.Length;

    public IReadOnlyList<MatchCandidate> Candidates => _candidates;

    /// <summary>Builds the index; a later candidate with the same id replaces an earlier one.</summary>
    public static CandidateIndex Build(IEnumerable<MatchCandidate> candidates)
    {
        var unique = new Dictionary<string, MatchCandidate>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            unique[candidate.Id] = candidate;
        }

        return new CandidateIndex([.. unique.Values.OrderBy(c => c.Id, StringComparer.Ordinal)]);
    }

    public MatchCandidate? Find(string id) => _byId.TryGetValue(id, out var i) ? _candidates[i] : null;

    /// <summary>This index with <paramref name="candidate"/> added or replaced.</summary>
    public CandidateIndex With(MatchCandidate candidate) => Build(_candidates.Append(candidate));

    /// <summary>This index without the candidate <paramref name="id"/> (itself when it is not there).</summary>
    public CandidateIndex Without(string id) => _byId.ContainsKey(id) ? Build(_candidates.Where(c => c.Id != id)) : this;

    public IReadOnlyList<ScoredMatch> Top(MatchProfile profile, int count, DateOnly today)
    {
        var person = new PersonFacts(profile);
        var top = new TopMatches(count);
        if (count <= 0)
        {
            return top.ToList();
        }

        foreach (var i in _remote)
        {
            Consider(i, person, top, today);
        }

        if (person.Location is { } home)
        {
            SearchAround(home, person, top, today);
        }

        return top.ToList();
    }

    private void SearchAround(GeoPoint home, in PersonFacts person, TopMatches top, DateOnly today)
    {
        // The box around the person's travel circle: exact bounds for a sphere, widened by BoxMargin.
        var angular = person.TravelMiles / EarthRadiusMiles;
        var dLat = angular * (180 / Math.PI) * BoxMargin;
        var cosLat = Math.Cos(home.Latitude * Math.PI / 180);
        var dLon = angular >= Math.PI / 2 || Math.Sin(angular) >= cosLat ? 180 : Math.Asin(Math.Sin(angular) / cosLat) * (180 / Math.PI) * BoxMargin;
        double minLat = home.Latitude - dLat, maxLat = home.Latitude + dLat, minLon = home.Longitude - dLon, maxLon = home.Longitude + dLon;

        // Nearest cells first: the best matches are found early, and the bound then skips most of the rest.
        var cells = new List<(double Distance, Workplace[] Workplaces)>();
        for (var latCell = Cell(minLat, CellLatitudeDegrees); latCell <= Cell(maxLat, CellLatitudeDegrees); latCell++)
        {
            for (var lonCell = Cell(minLon, CellLongitudeDegrees); lonCell <= Cell(maxLon, CellLongitudeDegrees); lonCell++)
            {
                if (_cells.TryGetValue(CellKey(latCell, lonCell), out var workplaces))
                {
                    var centreLat = (latCell + 0.5) * CellLatitudeDegrees - home.Latitude;
                    var centreLon = ((lonCell + 0.5) * CellLongitudeDegrees - home.Longitude) * cosLat;
                    cells.Add(((centreLat * centreLat) + (centreLon * centreLon), workplaces));
                }
            }
        }

        cells.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        HashSet<int>? seen = null;
        foreach (var (_, workplaces) in cells)
        {
            foreach (var place in workplaces)
            {
                if (place.Latitude < minLat || place.Latitude > maxLat || place.Longitude < minLon || place.Longitude > maxLon)
                {
                    continue;
                }

                // A candidate with workplaces in several cells is scored once, on its nearest workplace, by the rules.
                if (_severalPlaces[place.Candidate] && !(seen ??= []).Add(place.Candidate))
                {
                    continue;
                }

                Consider(place.Candidate, person, top, today);
            }
        }
    }

    private void Consider(int i, in PersonFacts person, TopMatches top, DateOnly today)
    {
        ref readonly var facts = ref _facts[i];
        if (MatchRules.Eligibility(person, facts, today) is not null
            || (top.IsFull && MatchRules.BestPossible(person, facts, today) < top.WorstScore))
        {
            return;
        }

        var evaluation = MatchRules.Evaluate(person, facts, _candidates[i].Locations, today);
        if (evaluation.IsMatch)
        {
            top.Offer(new ScoredMatch(_candidates[i], evaluation.Score, evaluation.DistanceMiles));
        }
    }

    private static int Cell(double degrees, double size) => (int)Math.Floor(degrees / size);

    private static long CellKey(int latCell, int lonCell) => ((long)latCell << 32) | (uint)lonCell;

    private readonly record struct Workplace(int Candidate, double Latitude, double Longitude);
}

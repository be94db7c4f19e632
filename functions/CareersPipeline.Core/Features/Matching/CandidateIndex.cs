using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The candidates on a grid of cells about eight miles square, each cell's workplaces grouped by career family, so that
/// matching a person reads the cells within their travel distance in rings, nearest first; skips the families they did
/// not choose, a candidate, or the rest of the rings as soon as nothing there could beat the matches already kept; and
/// scores only what remains. Answers exactly as <see cref="BruteForceMatcher"/> does: every bound is computed from the
/// same <see cref="MatchRules"/> and can only skip what the rules would exclude or rank below the cut (tested on random
/// data, compared in the benchmark). Immutable: a change builds a new index, so readers never see one half-updated.
/// </summary>
public sealed partial class CandidateIndex : IMatcher
{
    // About eight miles square in England, the size that measured fastest: smaller cells cost more to visit than their
    // tighter distance bounds save; larger ones bound too loosely. The grid is one array over the candidates' area; an
    // area too wide for MaxGridCells gets cells twice as big, and so on.
    private const double BaseCellLatitudeDegrees = 0.12;
    private const double BaseCellLongitudeDegrees = 0.2;
    private const int MaxGridCells = 1 << 22;

    // Widens the search box a little, so rounding can only make it safer.
    private const double BoxMargin = 1.01;

    private readonly MatchCandidate[] _candidates;
    private readonly Workplace[] _remote;
    private readonly CandidateFacts[] _fitExamples;
    private readonly double _cellLatitude = BaseCellLatitudeDegrees;
    private readonly double _cellLongitude = BaseCellLongitudeDegrees;
    private readonly GridCell[] _grid = [];
    private readonly FamilyRun[] _runs = [];
    private readonly FitRun[] _fitRuns = [];
    private readonly Workplace[] _workplaces = [];
    private readonly int _gridSouth;
    private readonly int _gridWest;
    private readonly int _gridRows;
    private readonly int _gridColumns;
    private readonly Dictionary<string, int> _byId;

    private CandidateIndex(MatchCandidate[] candidates)
    {
        _candidates = candidates;
        _byId = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        var fitGroups = new Dictionary<(CandidateKind, int, bool), int>();
        var fitExamples = new List<CandidateFacts>();
        var remote = new List<Workplace>();
        var workplaces = new List<Workplace>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            var facts = new CandidateFacts(candidate);
            _byId.Add(candidate.Id, i);

            // Level and route points depend on the person only through these three facts: worked out once per group.
            if (!fitGroups.TryGetValue((facts.Kind, facts.Level, facts.SupportedEntry), out var group))
            {
                fitGroups[(facts.Kind, facts.Level, facts.SupportedEntry)] = group = fitExamples.Count;
                fitExamples.Add(facts);
            }

            if (facts.Remote)
            {
                remote.Add(new Workplace(facts, default, 0, i, group));
                continue;
            }

            for (var p = 0; p < facts.PlaceCount; p++)
            {
                var place = facts.Place(p);
                workplaces.Add(new Workplace(facts, place, Math.Sqrt(Math.Max(Math.Cos(Distance.Radians(place.Latitude)), 0)), i, group));
            }
        }

        _fitExamples = [.. fitExamples];
        _remote = [.. remote];
        if (workplaces.Count == 0)
        {
            return;
        }

        double south = workplaces.Min(w => w.Point.Latitude), north = workplaces.Max(w => w.Point.Latitude);
        double west = workplaces.Min(w => w.Point.Longitude), east = workplaces.Max(w => w.Point.Longitude);
        while ((((north - south) / _cellLatitude) + 1) * (((east - west) / _cellLongitude) + 1) > MaxGridCells)
        {
            _cellLatitude *= 2;
            _cellLongitude *= 2;
        }

        _gridSouth = CellOf(south, _cellLatitude);
        _gridWest = CellOf(west, _cellLongitude);
        _gridRows = CellOf(north, _cellLatitude) - _gridSouth + 1;
        _gridColumns = CellOf(east, _cellLongitude) - _gridWest + 1;
        // One array of workplaces in cell order, each cell's in runs of one family, each of those in runs of one fit
        // group (equal level and route points for any person); one array of each kind of run; one of cells.
        _grid = new GridCell[_gridRows * _gridColumns];
        var runs = new List<FamilyRun>();
        var fitRuns = new List<FitRun>();
        var ordered = new List<Workplace>(workplaces.Count);
        var byCell = workplaces
            .GroupBy(w => ((CellOf(w.Point.Latitude, _cellLatitude) - _gridSouth) * _gridColumns) + CellOf(w.Point.Longitude, _cellLongitude) - _gridWest)
            .OrderBy(g => g.Key);
        foreach (var cell in byCell)
        {
            var firstRun = runs.Count;
            var mask = 0u;
            foreach (var family in cell.GroupBy(w => w.Facts.Family).OrderBy(f => f.Key))
            {
                var firstFitRun = fitRuns.Count;
                foreach (var group in family.GroupBy(w => w.FitGroup).OrderBy(g => g.Key))
                {
                    var start = ordered.Count;
                    ordered.AddRange(group.OrderBy(w => w.Candidate));
                    fitRuns.Add(new FitRun(start, ordered.Count, group.Key, group.Min(w => w.Facts.OpenUntilDay)));
                }

                runs.Add(new FamilyRun(firstFitRun, fitRuns.Count - firstFitRun, CandidateFacts.MostPermissive(family.Select(w => w.Facts))));
                mask |= 1u << family.Key;
            }

            var cellSouth = ((cell.Key / _gridColumns) + _gridSouth) * _cellLatitude;
            var poleward = Math.Min(Math.Cos(Distance.Radians(cellSouth)), Math.Cos(Distance.Radians(cellSouth + _cellLatitude)));
            _grid[cell.Key] = new GridCell(firstRun, runs.Count - firstRun, mask, Math.Sqrt(Math.Max(poleward, 0)));
        }

        _runs = [.. runs];
        _fitRuns = [.. fitRuns];
        _workplaces = [.. ordered];
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

        // In id order, so a candidate's number is its place in MatchOrder's last tie-break.
        return new CandidateIndex([.. unique.Values.OrderBy(c => c.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// People in the order a run over many of them should take: by cell of the base grid, so that each search reads
    /// cells the one before it just read, which are still in the processor's cache.
    /// </summary>
    public static IEnumerable<T> NearestTogether<T>(IEnumerable<T> people, Func<T, GeoPoint?> location) =>
        people.OrderBy(p => location(p) is { } l ? CellOf(l.Latitude, BaseCellLatitudeDegrees) : int.MinValue)
            .ThenBy(p => location(p) is { } l ? CellOf(l.Longitude, BaseCellLongitudeDegrees) : int.MinValue);

    public MatchCandidate? Find(string id) => _byId.TryGetValue(id, out var i) ? _candidates[i] : null;

    /// <summary>This index with <paramref name="candidate"/> added or replaced.</summary>
    public CandidateIndex With(MatchCandidate candidate) => Build(_candidates.Append(candidate));

    /// <summary>This index without the candidate <paramref name="id"/> (itself when it is not there).</summary>
    public CandidateIndex Without(string id) => _byId.ContainsKey(id) ? Build(_candidates.Where(c => c.Id != id)) : this;

    public IReadOnlyList<ScoredMatch> Top(MatchProfile profile, int count, DateOnly today)
    {
        var top = new TopMatches(count);
        if (count <= 0)
        {
            return top.ToList();
        }

        var search = new Search(this, new PersonFacts(profile), top, today);
        foreach (ref readonly var remote in _remote.AsSpan())
        {
            search.ConsiderRemote(remote);
        }

        if (profile.Location is { } home)
        {
            search.Around(home);
        }

        return top.ToList();
    }

    private static int CellOf(double degrees, double size) => (int)Math.Floor(degrees / size);

    /// <summary>The cell at these cell coordinates; an empty one outside the grid.</summary>
    private GridCell CellAt(int latCell, int lonCell)
    {
        var row = latCell - _gridSouth;
        var column = lonCell - _gridWest;
        return (uint)row < (uint)_gridRows && (uint)column < (uint)_gridColumns ? _grid[(row * _gridColumns) + column] : default;
    }

    /// <summary>
    /// One workplace of a candidate (the candidate numbered <paramref name="Candidate"/>), with the candidate's facts
    /// copied in, so a cell's scan reads one array in order and touches a candidate only to keep it.
    /// </summary>
    private readonly record struct Workplace(CandidateFacts Facts, GeoPoint Point, double RootCosine, int Candidate, int FitGroup);

    /// <summary>
    /// A cell of the grid: its runs (FirstRun to FirstRun + RunCount in the runs array), the families present as bits of
    /// <see cref="FamilyMask"/>, and how far towards the pole it reaches, as the square root of its smaller cosine, for
    /// the distance bound. The default value is an empty cell.
    /// </summary>
    private readonly record struct GridCell(int FirstRun, int RunCount, uint FamilyMask, double RootCosinePoleward);

    /// <summary>The workplaces Start to End of one family in one cell, with their most permissive facts.</summary>
    private readonly record struct FamilyRun(int FirstFitRun, int FitRunCount, CandidateFacts Permissive);

    /// <summary>The workplaces Start to End of one family and one fit group in one cell, and the soonest any of them closes.</summary>
    private readonly record struct FitRun(int Start, int End, int FitGroup, int SoonestClosingDay);
}

using System.Numerics;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The candidates on a grid of cells about eight miles square, each cell's workplaces grouped by career family, so that
/// matching a person reads the cells within their travel distance in rings, nearest first; skips the families they did
/// not choose, a candidate, or the rest of the rings as soon as nothing there could beat the matches already kept; and
/// scores only what remains. Answers exactly as <see cref="BruteForceMatcher"/> does: every bound is computed from the
/// same <see cref="MatchRules"/> and can only skip what the rules would exclude or rank below the cut (tested on random
/// data, compared in the benchmark). Immutable: a change builds a new index, so readers never see one half-updated.
/// </summary>
public sealed class CandidateIndex : IMatcher
{
    // About eight miles square in England, the size that measured fastest: smaller cells cost more to visit than their
    // tighter distance bounds save; larger ones bound too loosely. The grid is one array over the candidates' area; an
    // area too wide for MaxGridCells gets cells twice as big, and so on.
    private const double BaseCellLatitudeDegrees = 0.12;
    private const double BaseCellLongitudeDegrees = 0.2;
    private const int MaxGridCells = 1 << 22;
    private const double EarthRadiusMiles = 3958.8;

    // Widens the search box a little and shaves the distance bounds a hair, so rounding can only make them safer.
    private const double BoxMargin = 1.01;
    private const double BoundShave = 0.999999;

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
                workplaces.Add(new Workplace(facts, place, Math.Sqrt(Math.Max(Math.Cos(Radians(place.Latitude)), 0)), i, group));
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
            var poleward = Math.Min(Math.Cos(Radians(cellSouth)), Math.Cos(Radians(cellSouth + _cellLatitude)));
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

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    // Lower bounds of the great-circle distance for a gap in latitude alone, or in longitude alone between latitudes
    // whose cosines' square roots multiply to "rootCosines". From the haversine, a >= sin²(dLat/2) gives R·dLat, and
    // a >= cos·cos·sin²(dLon/2) with asin(x) >= x and sin(y) >= y - y³/6 gives R·rootCosines·dLon·(1 - dLon²/24).
    private static double LatitudeGapMiles(double degrees) => EarthRadiusMiles * Radians(degrees) * BoundShave;

    private static double LongitudeGapMiles(double degrees, double rootCosines)
    {
        var radians = Radians(Math.Min(degrees, 180));
        return EarthRadiusMiles * rootCosines * radians * Math.Max(0, 1 - (radians * radians / 24)) * BoundShave;
    }

    // Both gaps at once, nearly the distance itself, squared: a = sin²(dLat/2) + cos·cos·sin²(dLon/2) exactly, with the
    // same two inequalities, gives R²·(dLat²·(1 - dLat²/24)² + rootCosines²·dLon²·(1 - dLon²/24)²).
    private static double GapMilesSquared(double latitudeDegrees, double longitudeDegrees, double rootCosines)
    {
        var lat = Radians(latitudeDegrees);
        var lon = Radians(Math.Min(longitudeDegrees, 180));
        var latPart = lat * Math.Max(0, 1 - (lat * lat / 24));
        var lonPart = rootCosines * lon * Math.Max(0, 1 - (lon * lon / 24));
        return ((latPart * latPart) + (lonPart * lonPart)) * (EarthRadiusMiles * EarthRadiusMiles * BoundShave * BoundShave);
    }

    // The farthest a workplace can be and still add at least "needed" points for distance, and be in reach:
    // DistancePoints(x, t) = floor(25 (t - x) / t) >= needed exactly when x <= t (1 - needed / 25). Widened a hair, so
    // rounding can only keep a workplace the rules then judge.
    private static double FarthestFor(int needed, int travelMiles) =>
        (needed <= 0 ? travelMiles : travelMiles * (1 - (needed / (double)MatchScore.MaxDistance))) * (1 + 1e-9);

    /// <summary>One person's search: the kept matches and what the bounds need, worked out once.</summary>
    private sealed class Search
    {
        private readonly CandidateIndex _index;
        private readonly PersonFacts _person;
        private readonly TopMatches _top;
        private readonly DateOnly _today;
        private readonly int[] _fit;
        private readonly int _mostWithoutDistance;
        private readonly int _mostOutsideChosen;
        private readonly int _interestOutsideChosen;

        // Which candidates with several workplaces this search has scored: a stamp per candidate, kept per thread and
        // reused across searches (a search is one synchronous call), so marking one allocates nothing.
        [ThreadStatic]
        private static int[]? t_scored;
        [ThreadStatic]
        private static int t_search;
        private readonly int[] _scored;
        private readonly int _stamp;

        public Search(CandidateIndex index, PersonFacts person, TopMatches top, DateOnly today)
        {
            _index = index;
            _person = person;
            _top = top;
            _today = today;
            _fit = new int[index._fitExamples.Length];
            for (var g = 0; g < _fit.Length; g++)
            {
                _fit[g] = MatchRules.LevelPoints(person, index._fitExamples[g]) + MatchRules.RoutePoints(person.Route, index._fitExamples[g]);
            }

            _mostWithoutDistance = MatchRules.MostWithoutDistance(person);
            _mostOutsideChosen = MatchRules.MostWithoutDistance(person, chosenFamily: false);
            _interestOutsideChosen = MatchRules.InterestOutsideChosen(person);
            if (t_scored is null || t_scored.Length < index._candidates.Length || t_search == int.MaxValue)
            {
                t_scored = new int[Math.Max(index._candidates.Length, t_scored?.Length ?? 0)];
                t_search = 0;
            }

            _scored = t_scored;
            _stamp = ++t_search;
        }

        public void Around(GeoPoint home)
        {
            // The rings cover the box around the travel circle: exact bounds for a sphere, widened by BoxMargin.
            var angular = _person.TravelMiles / EarthRadiusMiles;
            var dLat = angular * (180 / Math.PI) * BoxMargin;
            var cosHome = Math.Cos(Radians(home.Latitude));
            var dLon = angular >= Math.PI / 2 || Math.Sin(angular) >= cosHome ? 180 : Math.Asin(Math.Sin(angular) / cosHome) * (180 / Math.PI) * BoxMargin;
            double cellLat = _index._cellLatitude, cellLon = _index._cellLongitude;
            var homeLat = CellOf(home.Latitude, cellLat);
            var homeLon = CellOf(home.Longitude, cellLon);
            var rings = Math.Max(
                Math.Max(CellOf(home.Latitude + dLat, cellLat) - homeLat, homeLat - CellOf(home.Latitude - dLat, cellLat)),
                Math.Max(CellOf(home.Longitude + dLon, cellLon) - homeLon, homeLon - CellOf(home.Longitude - dLon, cellLon)));
            var rootCosHome = Math.Sqrt(Math.Max(cosHome, 0));
            var ringRootCosines = rootCosHome * Math.Sqrt(Math.Max(Math.Min(Math.Cos(Radians(home.Latitude - dLat)), Math.Cos(Radians(home.Latitude + dLat))), 0));

            for (var ring = 0; ring <= rings; ring++)
            {
                // Every cell of ring k is at least k - 1 whole cells away in latitude or in longitude.
                var nearest = ring == 0 ? 0 : Math.Min(
                    LatitudeGapMiles((ring - 1) * cellLat),
                    LongitudeGapMiles((ring - 1) * cellLon, ringRootCosines));
                if (nearest > _person.TravelMiles || CannotBeat(_mostWithoutDistance + DistanceAtMost(nearest)))
                {
                    return;
                }

                for (var latCell = homeLat - ring; latCell <= homeLat + ring; latCell++)
                {
                    // The ring's top and bottom rows whole; between them only its two ends.
                    var step = latCell == homeLat - ring || latCell == homeLat + ring ? 1 : 2 * ring;
                    for (var lonCell = homeLon - ring; lonCell <= homeLon + ring; lonCell += step)
                    {
                        var cell = _index.CellAt(latCell, lonCell);
                        if (cell.RunCount > 0)
                        {
                            InCell(cell, latCell * cellLat, cellLat, lonCell * cellLon, cellLon, home, rootCosHome);
                        }
                    }
                }
            }
        }

        /// <summary>A remote candidate: bounded, then scored like any other.</summary>
        public void ConsiderRemote(in Workplace place)
        {
            var withoutDistance = MatchRules.InterestPoints(_person, place.Facts) + _fit[place.FitGroup] + MatchRules.ClosingPoints(place.Facts.OpenUntilDay - _today.DayNumber);
            if (!CannotBeat(withoutDistance + MatchScore.RemoteDistance))
            {
                Consider(place);
            }
        }

        /// <summary>Scores the workplace's candidate unless it fails a filter; true when it was scored.</summary>
        private bool Consider(in Workplace place)
        {
            if (MatchRules.Eligibility(_person, place.Facts, _today) is not null)
            {
                return false;
            }

            var evaluation = MatchRules.Score(_person, place.Facts, _today);
            if (evaluation.IsMatch)
            {
                _top.Offer(new ScoredMatch(_index._candidates[place.Candidate], evaluation.Score, evaluation.DistanceMiles), place.Candidate);
            }

            return true;
        }

        private void InCell(GridCell cell, double south, double cellLat, double west, double cellLon, GeoPoint home, double rootCosHome)
        {
            // No workplace in the cell is nearer than this, so none scores more for distance than DistanceAtMost of it.
            double north = south + cellLat, east = west + cellLon;
            var latGap = Math.Max(0, Math.Max(south - home.Latitude, home.Latitude - north));
            var lonGap = Math.Max(0, Math.Max(west - home.Longitude, home.Longitude - east));
            var nearest = Math.Max(LatitudeGapMiles(latGap), LongitudeGapMiles(lonGap, rootCosHome * cell.RootCosinePoleward));
            if (nearest > _person.TravelMiles)
            {
                return;
            }

            var distanceAtMost = DistanceAtMost(nearest);
            if (CannotBeat(_mostWithoutDistance + distanceAtMost))
            {
                return;
            }

            // The person's own families first: the rest give little or nothing for interest, and are often skipped whole.
            var chosen = cell.FamilyMask & _person.InterestMask;
            if (chosen != 0)
            {
                ScanFamilies(cell, chosen, MatchScore.MaxInterest, distanceAtMost, home, rootCosHome);
            }

            var others = cell.FamilyMask & ~chosen;
            if (others != 0 && !CannotBeat(_mostOutsideChosen + distanceAtMost))
            {
                ScanFamilies(cell, others, _interestOutsideChosen, distanceAtMost, home, rootCosHome);
            }
        }

        private void ScanFamilies(GridCell cell, uint families, int interest, int distanceAtMost, GeoPoint home, double rootCosHome)
        {
            var today = _today.DayNumber;
            for (; families != 0; families &= families - 1)
            {
                // A cell's runs are in family order, one per family present: the run of family f is found by counting.
                var family = BitOperations.TrailingZeroCount(families);
                ref readonly var run = ref _index._runs[cell.FirstRun + BitOperations.PopCount(cell.FamilyMask & ((1u << family) - 1))];
                if (MatchRules.Eligibility(_person, run.Permissive, _today) is not null)
                {
                    continue;
                }

                foreach (ref readonly var fitRun in _index._fitRuns.AsSpan(run.FirstFitRun, run.FitRunCount))
                {
                    // Alike in everything but distance and closing: skipped whole when the best of them could not beat the worst kept.
                    if (!CannotBeat(interest + _fit[fitRun.FitGroup] + MatchRules.ClosingPoints(fitRun.SoonestClosingDay - today) + distanceAtMost))
                    {
                        ScanWorkplaces(fitRun, interest, distanceAtMost, home, rootCosHome, today);
                    }
                }
            }
        }

        private void ScanWorkplaces(in FitRun fitRun, int interest, int distanceAtMost, GeoPoint home, double rootCosHome, int today)
        {
            var workplaces = _index._workplaces;
            var withoutInterestAndClosing = interest + _fit[fitRun.FitGroup];
            var travelMiles = _person.TravelMiles;
            var top = _top;
            for (var w = fitRun.Start; w < fitRun.End; w++)
            {
                ref readonly var place = ref workplaces[w];
                var withoutDistance = withoutInterestAndClosing + MatchRules.ClosingPoints(place.Facts.OpenUntilDay - today);
                if (withoutDistance + distanceAtMost < top.Threshold)
                {
                    continue;
                }

                // The workplace's own distance bound: out of reach, or too far to beat the worst kept, it is skipped.
                // Compared squared, against the farthest it may be, to spare a square root and a division per workplace.
                var farthest = FarthestFor(top.Threshold - withoutDistance, travelMiles);
                if (GapMilesSquared(Math.Abs(place.Point.Latitude - home.Latitude), Math.Abs(place.Point.Longitude - home.Longitude), rootCosHome * place.RootCosine) > farthest * farthest)
                {
                    continue;
                }

                // A candidate with several workplaces is scored once, on its nearest, by the rules. The cell's bound holds
                // only for workplaces in it, so such a candidate counts as seen once it has been scored.
                var several = place.Facts.PlaceCount > 1;
                if (several && _scored[place.Candidate] == _stamp)
                {
                    continue;
                }

                if (Consider(place) && several)
                {
                    _scored[place.Candidate] = _stamp;
                }
            }
        }

        private bool CannotBeat(int atMost) => atMost < _top.Threshold;

        // The most the distance part can add for a workplace at least this far away.
        private int DistanceAtMost(double milesAtLeast) => MatchRules.DistancePoints(milesAtLeast, _person.TravelMiles);
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

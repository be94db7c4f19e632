using System.Numerics;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.Matching;

public sealed partial class CandidateIndex
{
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
            var angular = _person.TravelMiles / Distance.EarthRadiusMiles;
            var dLat = angular * (180 / Math.PI) * BoxMargin;
            var cosHome = Math.Cos(Distance.Radians(home.Latitude));
            var dLon = angular >= Math.PI / 2 || Math.Sin(angular) >= cosHome ? 180 : Math.Asin(Math.Sin(angular) / cosHome) * (180 / Math.PI) * BoxMargin;
            double cellLat = _index._cellLatitude, cellLon = _index._cellLongitude;
            var homeLat = CellOf(home.Latitude, cellLat);
            var homeLon = CellOf(home.Longitude, cellLon);
            var rings = Math.Max(
                Math.Max(CellOf(home.Latitude + dLat, cellLat) - homeLat, homeLat - CellOf(home.Latitude - dLat, cellLat)),
                Math.Max(CellOf(home.Longitude + dLon, cellLon) - homeLon, homeLon - CellOf(home.Longitude - dLon, cellLon)));
            var rootCosHome = Math.Sqrt(Math.Max(cosHome, 0));
            var ringRootCosines = rootCosHome * Math.Sqrt(Math.Max(Math.Min(Math.Cos(Distance.Radians(home.Latitude - dLat)), Math.Cos(Distance.Radians(home.Latitude + dLat))), 0));

            for (var ring = 0; ring <= rings; ring++)
            {
                // Every cell of ring k is at least k - 1 whole cells away in latitude or in longitude.
                var nearest = ring == 0 ? 0 : Math.Min(
                    DistanceBounds.LatitudeGapMiles((ring - 1) * cellLat),
                    DistanceBounds.LongitudeGapMiles((ring - 1) * cellLon, ringRootCosines));
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
            var nearest = Math.Max(DistanceBounds.LatitudeGapMiles(latGap), DistanceBounds.LongitudeGapMiles(lonGap, rootCosHome * cell.RootCosinePoleward));
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
                var farthest = DistanceBounds.FarthestFor(top.Threshold - withoutDistance, travelMiles);
                if (DistanceBounds.GapMilesSquared(Math.Abs(place.Point.Latitude - home.Latitude), Math.Abs(place.Point.Longitude - home.Longitude), rootCosHome * place.RootCosine) > farthest * farthest)
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
}

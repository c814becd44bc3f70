package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Feasibility help (mandate §5.1): which budget rules bind and the smallest change of one field that makes an
 * infeasible request feasible; and, on a feasible answer, which rules hold ad sets at a bound.
 *
 * <p>The bounds are those of the allocation (mandate §5): for every unpaused ad set lo = max(min_per_adset,
 * current·(1 − ratio)), hi = min(max_per_adset, current·(1 + ratio)), min/max winning a conflict with the change cap,
 * and lo = hi = current for a locked ad set. The request is feasible when min_per_adset ≤ max_per_adset and
 * Σ lo ≤ total ≤ Σ hi. Each suggestion is found by bisection on the monotone side that fails (60 halvings), rounded
 * in the feasible direction and checked again against the full rule before it is offered. Pure and deterministic.
 */
public final class Feasibility {
    private static final double EPS = 1e-9;
    private static final int HALVINGS = 60;
    private static final String TOTAL = "budget.total";
    private static final String MIN = "budget.min_per_adset";
    private static final String MAX = "budget.max_per_adset";
    private static final String RATIO = "budget.max_change_ratio";
    private static final String LOCKED = "adsets.locked";

    private Feasibility() {}

    /** The four rules a suggestion may change. */
    private record Rules(double total, double min, Double max, Double ratio) {
        Rules total(double t) {
            return new Rules(t, min, max, ratio);
        }

        Rules min(double m) {
            return new Rules(total, m, max, ratio);
        }

        Rules max(Double m) {
            return new Rules(total, min, m, ratio);
        }

        Rules ratio(Double r) {
            return new Rules(total, min, max, r);
        }
    }

    /** Σ lo and Σ hi over the unpaused ad sets, and their count. */
    private record Sums(double lo, double hi, int active) {}

    /**
     * @param problem any well-formed problem
     * @return true when its budget rules can all hold (the optimizer does not throw {@link InfeasibleBudgetException})
     */
    public static boolean feasible(OptimizationProblem problem) {
        return ok(rules(problem), problem.adSets());
    }

    /**
     * Diagnoses the budget rules of {@code problem}.
     *
     * @param problem any well-formed problem
     * @return feasible with empty lists, or the binding rules and the suggestions (each fixes the problem alone)
     */
    public static FeasibilityReport diagnose(OptimizationProblem problem) {
        Rules rules = rules(problem);
        List<AdSetInput> sets = problem.adSets();
        if (ok(rules, sets)) {
            return new FeasibilityReport(true, List.of(), List.of(), "");
        }
        List<BindingConstraint> binding = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        if (rules.max() != null && rules.min() > rules.max() + EPS) {
            binding.add(new BindingConstraint(MIN, "lower", activeIds(sets), rules.min()));
            binding.add(new BindingConstraint(MAX, "upper", activeIds(sets), rules.max()));
            double m = largest(0, rules.max(), x -> floorsOk(rules.min(x), sets));
            if (!Double.isNaN(m)) {
                offer(suggestions, rules, sets, MIN, rules.min(), rules.min(floorCents(m)), rules.min(m));
            }
            double upper = Math.max(rules.min(), rules.total());
            double big = smallest(rules.min(), upper, x -> ceilingsOk(rules.max(x), sets));
            if (!Double.isNaN(big)) {
                offer(suggestions, rules, sets, MAX, rules.max(), rules.max(ceilCents(big)), rules.max(big));
            }
            return report(binding, suggestions);
        }
        Sums s = sums(rules, sets);
        double tol = tol(rules.total());
        boolean floors = s.lo() > rules.total() + tol;
        binding.addAll(sources(rules, sets, floors));
        binding.add(new BindingConstraint(TOTAL, "total", List.of(), rules.total()));
        if (floors) {
            offer(suggestions, rules, sets, TOTAL, rules.total(), rules.total(ceilCents(s.lo())), rules.total(s.lo()));
            if (rules.min() > 0) {
                double m = largest(0, rules.min(), x -> floorsOk(rules.min(x), sets));
                if (!Double.isNaN(m)) {
                    offer(suggestions, rules, sets, MIN, rules.min(), rules.min(floorCents(m)), rules.min(m));
                }
            }
            if (rules.ratio() != null) {
                double r = smallest(rules.ratio(), Math.max(1.0, rules.ratio()), x -> floorsOk(rules.ratio(x), sets));
                if (!Double.isNaN(r)) {
                    offer(suggestions, rules, sets, RATIO, rules.ratio(), ratios(rules, r));
                }
            }
        } else {
            offer(suggestions, rules, sets, TOTAL, rules.total(), rules.total(floorCents(s.hi())), rules.total(s.hi()));
            if (rules.max() != null && ceilingsOk(rules.max(null), sets)) {
                double upper = rules.total();
                for (AdSetInput a : sets) {
                    if (a.currentBudget() != null && rules.ratio() != null) {
                        upper = Math.max(upper, a.currentBudget() * (1 + rules.ratio()));
                    }
                }
                double m = smallest(rules.max(), upper, x -> ceilingsOk(rules.max(x), sets));
                if (!Double.isNaN(m)) {
                    offer(suggestions, rules, sets, MAX, rules.max(), rules.max(ceilCents(m)), rules.max(m));
                }
            }
            if (rules.ratio() != null) {
                double upper = Math.max(1.0, rules.ratio());
                while (upper < 1e6 && !ceilingsOk(rules.ratio(upper), sets)) {
                    upper *= 2;
                }
                double r = smallest(rules.ratio(), upper, x -> ceilingsOk(rules.ratio(x), sets));
                if (!Double.isNaN(r)) {
                    offer(suggestions, rules, sets, RATIO, rules.ratio(), ratios(rules, r));
                }
            }
        }
        return report(binding, suggestions);
    }

    /**
     * The rules that hold ad sets of a feasible answer at one of their bounds (within half a cent), grouped by rule
     * and side; paused and early-stopped ad sets (budget 0 by decision) are left out.
     *
     * @param problem the problem that was solved
     * @param result  its result
     * @return the binding rules, possibly empty
     */
    public static List<BindingConstraint> binding(OptimizationProblem problem, OptimizationResult result) {
        Rules rules = rules(problem);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (int i = 0; i < problem.adSets().size(); i++) {
            AdSetInput a = problem.adSets().get(i);
            AdSetRecommendation rec = result.adSets().get(i);
            if (a.status() == AdSetStatus.PAUSED || rec.action() == Action.PAUSE) {
                continue;
            }
            Bound bound = bound(rules, a);
            double b = rec.recommendedBudget();
            String key = null;
            double at = 0;
            if (LOCKED.equals(bound.hiSrc)) {
                key = LOCKED + "|fixed";
                at = bound.hi;
            } else if (bound.hiSrc != null && b >= bound.hi - 0.005) {
                key = bound.hiSrc + "|upper";
                at = bound.hi;
            } else if (bound.loSrc != null && bound.lo > 0 && b <= bound.lo + 0.005) {
                key = bound.loSrc + "|lower";
                at = bound.lo;
            }
            if (key != null) {
                ids.computeIfAbsent(key, k -> new ArrayList<>()).add(a.id());
                amounts.merge(key, at, Double::sum);
            }
        }
        List<BindingConstraint> out = new ArrayList<>();
        ids.forEach((key, list) -> {
            String[] parts = key.split("\\|");
            out.add(new BindingConstraint(parts[0], parts[1], list, amounts.get(key)));
        });
        return out;
    }

    /**
     * One warning sentence per binding rule of a feasible answer.
     *
     * @param binding the output of {@link #binding}
     * @return sentences such as "budget.max_change_ratio binds (upper) for a, b: relaxing it lets the allocation move
     *     further"
     */
    public static List<String> warnings(List<BindingConstraint> binding) {
        List<String> out = new ArrayList<>();
        for (BindingConstraint c : binding) {
            List<String> ids = c.adsets();
            String who = ids.size() <= 10
                    ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
            out.add(c.field() + " binds (" + c.bound() + ") for " + who
                    + (LOCKED.equals(c.field())
                            ? ": locked by the caller"
                            : ": relaxing it lets the allocation move further"));
        }
        return out;
    }

    private static FeasibilityReport report(List<BindingConstraint> binding, List<Suggestion> suggestions) {
        StringBuilder sentence = new StringBuilder();
        if (!suggestions.isEmpty()) {
            sentence.append("Smallest single changes that make the request feasible: ");
            for (int i = 0; i < suggestions.size(); i++) {
                sentence.append(i == 0 ? "" : "; ").append(suggestions.get(i).sentence());
            }
            sentence.append('.');
        }
        return new FeasibilityReport(false, binding, suggestions, sentence.toString());
    }

    /** Adds the first candidate that makes the whole request feasible (and forms valid rules), if any. */
    private static void offer(
            List<Suggestion> out,
            Rules base,
            List<AdSetInput> sets,
            String field,
            Double current,
            Rules... candidates) {
        for (Rules c : candidates) {
            if (!valid(c) || !ok(c, sets)) {
                continue;
            }
            double value = switch (field) {
                case TOTAL -> c.total();
                case MIN -> c.min();
                case MAX -> c.max();
                default -> c.ratio();
            };
            if (current != null && Math.abs(value - current) < EPS) {
                continue;
            }
            boolean money = !RATIO.equals(field);
            String sentence =
                    field + " " + (current == null ? "unset" : fmt(current, money)) + " → " + fmt(value, money);
            out.add(new Suggestion(field, current, value, sentence));
            return;
        }
    }

    private static String fmt(double x, boolean money) {
        return money ? String.format(Locale.ROOT, "%.2f", x) : strip(String.format(Locale.ROOT, "%.4f", x));
    }

    private static String strip(String s) {
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t + "0" : t;
    }

    /** Ratio candidates: rounded up to 2, then 4 decimals, then exact. */
    private static Rules[] ratios(Rules rules, double r) {
        return new Rules[] {
            rules.ratio(Math.ceil(r * 100 - EPS) / 100),
            rules.ratio(Math.ceil(r * 10_000 - EPS) / 10_000),
            rules.ratio(r)
        };
    }

    /** The rules would pass the record checks of {@link BudgetRules}. */
    private static boolean valid(Rules r) {
        return Double.isFinite(r.total())
                && r.total() > 0
                && r.min() >= 0
                && (r.max() == null || r.max() > 0)
                && (r.ratio() == null || r.ratio() >= 0);
    }

    private static Rules rules(OptimizationProblem p) {
        BudgetRules b = p.budget();
        return new Rules(b.total(), b.minPerAdSet(), b.maxPerAdSet(), b.maxChangeRatio());
    }

    private static double tol(double total) {
        return 1e-9 * total + 1e-9;
    }

    private static boolean ok(Rules r, List<AdSetInput> sets) {
        if (r.max() != null && r.min() > r.max() + EPS) {
            return false;
        }
        Sums s = sums(r, sets);
        double tol = tol(r.total());
        return s.active() == 0 || (s.lo() <= r.total() + tol && s.hi() >= r.total() - tol);
    }

    private static boolean floorsOk(Rules r, List<AdSetInput> sets) {
        Sums s = sums(r, sets);
        return s.active() == 0 || s.lo() <= r.total() + tol(r.total());
    }

    private static boolean ceilingsOk(Rules r, List<AdSetInput> sets) {
        Sums s = sums(r, sets);
        return s.active() == 0 || s.hi() >= r.total() - tol(r.total());
    }

    /** Largest x in [lo, hi] with {@code good(x)}, good true on [lo, x*] and false above; NaN when good(lo) fails. */
    private static double largest(double lo, double hi, DoublePredicate good) {
        return good.test(lo) ? bisect(lo, hi, good)[0] : Double.NaN;
    }

    /** Smallest x in [lo, hi] with {@code good(x)}, good false below x* and true above; NaN when good(hi) fails. */
    private static double smallest(double lo, double hi, DoublePredicate good) {
        return good.test(hi) ? bisect(lo, hi, good.negate())[1] : Double.NaN;
    }

    /**
     * {@link #HALVINGS} bisections of [lo, hi] around the point where {@code below} stops holding.
     *
     * @return {a, b}: the last point where {@code below} held (or lo) and the first where it failed (or hi)
     */
    private static double[] bisect(double lo, double hi, DoublePredicate below) {
        double a = lo;
        double b = hi;
        for (int i = 0; i < HALVINGS; i++) {
            double mid = 0.5 * (a + b);
            if (below.test(mid)) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return new double[] {a, b};
    }

    private static double ceilCents(double x) {
        return Math.ceil(x * 100 - 1e-6) / 100;
    }

    private static double floorCents(double x) {
        return Math.floor(x * 100 + 1e-6) / 100;
    }

    /** One ad set's bounds and the rule behind each (null: no rule, e.g. no ceiling). */
    private record Bound(double lo, String loSrc, double hi, String hiSrc) {}

    private static Bound bound(Rules r, AdSetInput a) {
        if (a.locked()) {
            return new Bound(a.currentBudget(), LOCKED, a.currentBudget(), LOCKED);
        }
        double lo = r.min();
        String loSrc = MIN;
        double hi = r.max() != null ? r.max() : Double.POSITIVE_INFINITY;
        String hiSrc = r.max() != null ? MAX : null;
        Double current = a.currentBudget() != null && a.currentBudget() > 0 ? a.currentBudget() : null;
        if (r.ratio() != null && current != null) {
            double cl = Math.max(0.0, current * (1 - r.ratio()));
            double ch = current * (1 + r.ratio());
            if (cl > lo) {
                lo = cl;
                loSrc = RATIO;
            }
            if (ch < hi) {
                hi = ch;
                hiSrc = RATIO;
            }
            if (lo > hi) {
                if (r.max() != null && cl > r.max()) {
                    return new Bound(r.max(), MAX, r.max(), MAX);
                }
                return new Bound(r.min(), MIN, r.min(), MIN);
            }
        }
        return new Bound(lo, loSrc, hi, hiSrc);
    }

    private static Sums sums(Rules r, List<AdSetInput> sets) {
        double lo = 0;
        double hi = 0;
        int active = 0;
        for (AdSetInput a : sets) {
            if (a.status() == AdSetStatus.PAUSED) {
                continue;
            }
            active++;
            Bound b = bound(r, a);
            lo += b.lo();
            hi += b.hi();
        }
        return new Sums(lo, hi, active);
    }

    /** The rules that set the failing side's bounds, with the ad sets whose bound each sets. */
    private static List<BindingConstraint> sources(Rules r, List<AdSetInput> sets, boolean floors) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (AdSetInput a : sets) {
            if (a.status() == AdSetStatus.PAUSED) {
                continue;
            }
            Bound b = bound(r, a);
            String src = floors ? b.loSrc() : b.hiSrc();
            double value = floors ? b.lo() : b.hi();
            if (src == null || value <= 0 && floors) {
                continue;
            }
            ids.computeIfAbsent(src, k -> new ArrayList<>()).add(a.id());
            amounts.merge(src, value, Double::sum);
        }
        List<BindingConstraint> out = new ArrayList<>();
        ids.forEach(
                (src, list) -> out.add(new BindingConstraint(src, floors ? "lower" : "upper", list, amounts.get(src))));
        return out;
    }

    private static List<String> activeIds(List<AdSetInput> sets) {
        return sets.stream()
                .filter(a -> a.status() != AdSetStatus.PAUSED)
                .map(AdSetInput::id)
                .toList();
    }
}

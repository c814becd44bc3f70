package io.metasystem.mlcore.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO bounding-box evaluation, a port of pycocotools' {@code COCOeval} ({@code evaluateImg}, {@code accumulate},
 * {@code summarize}; Lin et al., "Microsoft COCO: Common Objects in Context", ECCV 2014): IoU thresholds
 * .50:.05:.95, 101 recall points with the precision envelope, area ranges all/small/medium/large from the ground
 * truth's {@code area} (detections: {@code w·h}), maxDets 1/10/100, crowd regions (IoU over the detection's area,
 * matched repeatedly, ignored), categories without ground truth left out (−1). Stable sorts, as numpy's mergesort.
 * Pure and deterministic.
 */
public final class CocoEval {
    static final double[] AREA_MIN = {0, 0, 32 * 32, 96 * 96};
    static final double[] AREA_MAX = {1e10, 32 * 32, 96 * 96, 1e10};
    static final int[] MAX_DETS = {1, 10, 100};
    static final int T = 10;
    static final int R = 101;

    private CocoEval() {}

    /** A ground-truth box, {@code x, y, w, h} in pixels; {@code area} as annotated. */
    public record Gt(
            long imageId, int categoryId, double x, double y, double w, double h, double area, boolean crowd) {}

    /** A detection, {@code x, y, w, h} in pixels. */
    public record Dt(long imageId, int categoryId, double x, double y, double w, double h, double score) {}

    /**
     * The summary: the twelve COCO numbers (−1 where undefined) and AP@[.50:.95] per category with ground truth.
     */
    public record Summary(
            double map,
            double map50,
            double map75,
            double mapSmall,
            double mapMedium,
            double mapLarge,
            double ar1,
            double ar10,
            double ar100,
            double arSmall,
            double arMedium,
            double arLarge,
            Map<Integer, Double> perCategoryAp) {}

    static double iouThreshold(int t) {
        // numpy.linspace(.5, .95, 10): start + i * step, the last element exactly stop
        return t == T - 1 ? 0.95 : 0.5 + t * ((0.95 - 0.5) / (T - 1));
    }

    static double recallThreshold(int r) {
        return r == R - 1 ? 1.0 : r * (1.0 / (R - 1));
    }

    private record ImageResult(double[] scores, boolean[][] matched, boolean[][] ignored, boolean[] gtIgnore) {}

    /**
     * @param imageIds   the evaluated images (COCO's {@code images}); detections on other images are not counted
     * @param categoryIds the categories (COCO's {@code categories})
     */
    public static Summary evaluate(List<Long> imageIds, List<Integer> categoryIds, List<Gt> gts, List<Dt> dts) {
        List<Integer> cats = new ArrayList<>(new TreeSet<>(categoryIds));
        List<Long> images = new ArrayList<>(new TreeSet<>(imageIds));
        Map<String, List<Gt>> gtBy = new LinkedHashMap<>();
        gts.forEach(g -> gtBy.computeIfAbsent(g.imageId() + "/" + g.categoryId(), k -> new ArrayList<>())
                .add(g));
        Map<String, List<Dt>> dtBy = new LinkedHashMap<>();
        dts.forEach(d -> dtBy.computeIfAbsent(d.imageId() + "/" + d.categoryId(), k -> new ArrayList<>())
                .add(d));
        int k = cats.size();
        double[][][][][] precision = new double[T][R][k][4][3];
        double[][][][] recall = new double[T][k][4][3];
        for (int ki = 0; ki < k; ki++) {
            for (int a = 0; a < 4; a++) {
                List<ImageResult> results = new ArrayList<>();
                for (long image : images) {
                    String key = image + "/" + cats.get(ki);
                    ImageResult r =
                            evaluateImage(gtBy.getOrDefault(key, List.of()), dtBy.getOrDefault(key, List.of()), a);
                    if (r != null) {
                        results.add(r);
                    }
                }
                for (int m = 0; m < 3; m++) {
                    accumulate(results, MAX_DETS[m], precision, recall, ki, a, m);
                }
            }
        }
        Map<Integer, Double> perCategory = new LinkedHashMap<>();
        for (int ki = 0; ki < k; ki++) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < T; t++) {
                for (int r = 0; r < R; r++) {
                    if (precision[t][r][ki][0][2] > -1) {
                        sum += precision[t][r][ki][0][2];
                        n++;
                    }
                }
            }
            if (n > 0) {
                perCategory.put(cats.get(ki), sum / n);
            }
        }
        return new Summary(
                ap(precision, -1, 0, 2),
                ap(precision, 0, 0, 2),
                ap(precision, 5, 0, 2),
                ap(precision, -1, 1, 2),
                ap(precision, -1, 2, 2),
                ap(precision, -1, 3, 2),
                ar(recall, 0, 0),
                ar(recall, 0, 1),
                ar(recall, 0, 2),
                ar(recall, 1, 2),
                ar(recall, 2, 2),
                ar(recall, 3, 2),
                perCategory);
    }

    private static double ap(double[][][][][] p, int tOnly, int a, int m) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < T; t++) {
            if (tOnly >= 0 && t != tOnly) {
                continue;
            }
            for (double[][][] byR : p[t]) {
                for (double[][] byK : byR) {
                    double v = byK[a][m];
                    if (v > -1) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static double ar(double[][][][] r, int a, int m) {
        double sum = 0;
        int n = 0;
        for (double[][][] byK : r) {
            for (double[][] v : byK) {
                if (v[a][m] > -1) {
                    sum += v[a][m];
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static ImageResult evaluateImage(List<Gt> gtIn, List<Dt> dtIn, int a) {
        if (gtIn.isEmpty() && dtIn.isEmpty()) {
            return null;
        }
        int maxDet = MAX_DETS[2];
        boolean[] ignoreIn = new boolean[gtIn.size()];
        for (int i = 0; i < gtIn.size(); i++) {
            Gt g = gtIn.get(i);
            ignoreIn[i] = g.crowd() || g.area() < AREA_MIN[a] || g.area() > AREA_MAX[a];
        }
        List<Integer> gtOrder = new ArrayList<>();
        for (int i = 0; i < gtIn.size(); i++) {
            gtOrder.add(i);
        }
        gtOrder.sort(Comparator.comparing(i -> ignoreIn[i]));
        List<Dt> dt = new ArrayList<>(dtIn);
        dt.sort(Comparator.comparingDouble(Dt::score).reversed());
        if (dt.size() > maxDet) {
            dt = dt.subList(0, maxDet);
        }
        int g = gtOrder.size();
        int d = dt.size();
        boolean[] gtIg = new boolean[g];
        boolean[] crowd = new boolean[g];
        for (int j = 0; j < g; j++) {
            gtIg[j] = ignoreIn[gtOrder.get(j)];
            crowd[j] = gtIn.get(gtOrder.get(j)).crowd();
        }
        boolean[][] gtm = new boolean[T][g];
        boolean[][] dtm = new boolean[T][d];
        boolean[][] dtIg = new boolean[T][d];
        for (int t = 0; t < T; t++) {
            for (int di = 0; di < d; di++) {
                double best = Math.min(iouThreshold(t), 1 - 1e-10);
                int m = -1;
                for (int gi = 0; gi < g; gi++) {
                    if (gtm[t][gi] && !crowd[gi]) {
                        continue;
                    }
                    if (m > -1 && !gtIg[m] && gtIg[gi]) {
                        break;
                    }
                    double iou = iou(dt.get(di), gtIn.get(gtOrder.get(gi)));
                    if (iou < best) {
                        continue;
                    }
                    best = iou;
                    m = gi;
                }
                if (m == -1) {
                    continue;
                }
                dtIg[t][di] = gtIg[m];
                dtm[t][di] = true;
                gtm[t][m] = true;
            }
            for (int di = 0; di < d; di++) {
                Dt x = dt.get(di);
                double area = x.w() * x.h();
                if (!dtm[t][di] && (area < AREA_MIN[a] || area > AREA_MAX[a])) {
                    dtIg[t][di] = true;
                }
            }
        }
        double[] scores = dt.stream().mapToDouble(Dt::score).toArray();
        return new ImageResult(scores, dtm, dtIg, gtIg);
    }

    /** pycocotools' {@code maskUtils.iou} for boxes: a crowd ground truth divides by the detection's area. */
    static double iou(Dt d, Gt g) {
        double w = Math.min(d.x() + d.w(), g.x() + g.w()) - Math.max(d.x(), g.x());
        double h = Math.min(d.y() + d.h(), g.y() + g.h()) - Math.max(d.y(), g.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = g.crowd() ? d.w() * d.h() : d.w() * d.h() + g.w() * g.h() - inter;
        return inter / union;
    }

    private static void accumulate(
            List<ImageResult> results,
            int maxDet,
            double[][][][][] precision,
            double[][][][] recall,
            int k,
            int a,
            int m) {
        List<double[]> rows = new ArrayList<>(); // score, image index, detection index
        int npig = 0;
        for (int e = 0; e < results.size(); e++) {
            ImageResult r = results.get(e);
            for (int i = 0; i < Math.min(maxDet, r.scores().length); i++) {
                rows.add(new double[] {r.scores()[i], e, i});
            }
            for (boolean ig : r.gtIgnore()) {
                if (!ig) {
                    npig++;
                }
            }
        }
        if (npig == 0) {
            for (int t = 0; t < T; t++) {
                recall[t][k][a][m] = -1;
                for (int ri = 0; ri < R; ri++) {
                    precision[t][ri][k][a][m] = -1;
                }
            }
            return;
        }
        rows.sort(Comparator.comparingDouble((double[] x) -> x[0]).reversed());
        int nd = rows.size();
        for (int t = 0; t < T; t++) {
            double[] rc = new double[nd];
            double[] pr = new double[nd];
            double tp = 0;
            double fp = 0;
            int kept = 0;
            for (double[] row : rows) {
                ImageResult r = results.get((int) row[1]);
                int i = (int) row[2];
                boolean ig = r.ignored()[t][i];
                boolean matched = r.matched()[t][i];
                if (matched && !ig) {
                    tp++;
                } else if (!matched && !ig) {
                    fp++;
                }
                rc[kept] = tp / npig;
                pr[kept] = tp / (fp + tp + Math.ulp(1.0));
                kept++;
            }
            recall[t][k][a][m] = nd > 0 ? rc[nd - 1] : 0;
            for (int i = nd - 1; i > 0; i--) {
                if (pr[i] > pr[i - 1]) {
                    pr[i - 1] = pr[i];
                }
            }
            for (int ri = 0; ri < R; ri++) {
                double threshold = recallThreshold(ri);
                int lo = 0;
                int hi = nd;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (rc[mid] < threshold) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                precision[t][ri][k][a][m] = lo < nd ? pr[lo] : 0;
            }
        }
    }
}

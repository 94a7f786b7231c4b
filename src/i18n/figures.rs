//! Strings drawn inside the figures and their text alternatives.
//! `{name}` marks a value filled in by `charts` (numbers already formatted).
use super::Entry;

pub const STRINGS: &[Entry] = &[
    // Titles, one per figure (`charts::Figure::title_key`).
    ("fig.points.title", "The points and their classes", "数据点及其类别"),
    ("fig.fit.title", "A sigmoid fitted to the points", "拟合这些点的 sigmoid 曲线"),
    ("fig.green-bars.title", "Positive points: the probability of being positive", "正例:预测为正例的概率"),
    ("fig.red-bars.title", "Negative points: the probability of being negative", "负例:预测为负例的概率"),
    ("fig.true-class-bars.title", "Every point: the probability of its true class", "所有点:真实类别的概率"),
    ("fig.neglog.title", "The loss of a probability: −log(p)", "概率的损失:−log(p)"),
    ("fig.point-losses.title", "Each point's loss, and their mean: binary cross-entropy", "每个点的损失及其平均值:二元交叉熵"),
    ("fig.logits-stability.title", "The naive logistic loss overflows; the stable one does not", "朴素的 logistic 损失会溢出,稳定形式不会"),
    ("fig.cce.title", "Categorical cross-entropy, one-hot and integer labels", "分类交叉熵:one-hot 标签与整数标签"),
    ("fig.focal-curves.title", "Focal loss for several γ", "不同 γ 下的 focal loss"),
    ("fig.focal-points.title", "Each point's focal loss next to its cross-entropy", "每个点的 focal loss 与交叉熵对比"),
    ("fig.focal-fit.title", "The sigmoid fitted under focal loss and under cross-entropy", "用 focal loss 与交叉熵分别拟合的 sigmoid"),
    ("fig.smoothing-targets.title", "The smoothed target", "平滑后的标签"),
    ("fig.smoothing-logits.title", "The logit gap a smoothed target asks for", "平滑标签所需的 logit 差距"),
    ("fig.smoothing-gradient.title", "The gradient of cross-entropy is bounded", "交叉熵的梯度有界"),
    // Shared.
    ("fig.class.positive", "positive, y = 1", "正例,y = 1"),
    ("fig.class.negative", "negative, y = 0", "负例,y = 0"),
    ("fig.class.positive.short", "y = 1", "y = 1"),
    ("fig.class.negative.short", "y = 0", "y = 0"),
    ("fig.note.skipped", "{n} points not shown: x is not a finite number", "有 {n} 个点未显示:x 不是有限数"),
    ("fig.note.no-fit", "No fit, so p = 0.5 is shown: {why}", "没有拟合结果,因此显示 p = 0.5:{why}"),
    ("fig.note.no-points", "There are no points.", "没有数据点。"),
    // points
    (
        "fig.points.alt",
        "{n} points on the x axis: {npos} positive at x = {pos}; {nneg} negative at x = {neg}.",
        "x 轴上的 {n} 个点:{npos} 个正例位于 x = {pos};{nneg} 个负例位于 x = {neg}。",
    ),
    // fit
    ("fig.fit.y", "p(y = 1 | x)", "p(y = 1 | x)"),
    ("fig.fit.formula", "p = σ({w}·x + {b})", "p = σ({w}·x + {b})"),
    (
        "fig.fit.alt",
        "The sigmoid p(y = 1 | x) = σ({w}·x + {b}) over the points; at the points p = {p}.",
        "sigmoid 曲线 p(y = 1 | x) = σ({w}·x + {b});各点处 p = {p}。",
    ),
    // bars
    ("fig.green-bars.y", "p(y = 1) of each positive point", "每个正例的 p(y = 1)"),
    ("fig.red-bars.y", "p(y = 0) = 1 − p(y = 1) of each negative point", "每个负例的 p(y = 0) = 1 − p(y = 1)"),
    ("fig.true-class-bars.y", "probability of each point's true class", "每个点真实类别的概率"),
    (
        "fig.green-bars.alt",
        "Bars for the {n} positive points at x = {x}: p(y = 1) = {p}.",
        "{n} 个正例(x = {x})的柱:p(y = 1) = {p}。",
    ),
    (
        "fig.red-bars.alt",
        "Bars for the {n} negative points at x = {x}: p(y = 0) = {p}.",
        "{n} 个负例(x = {x})的柱:p(y = 0) = {p}。",
    ),
    (
        "fig.true-class-bars.alt",
        "Bars for all {n} points at x = {x}: the probability of the true class is {p}.",
        "全部 {n} 个点(x = {x})的柱:真实类别的概率为 {p}。",
    ),
    // neglog
    ("fig.neglog.x", "p, the predicted probability of the true class", "p:预测的真实类别概率"),
    ("fig.neglog.y", "loss = −log(p)", "损失 = −log(p)"),
    ("fig.neglog.over", "{n} points above the top of the axis (loss > {max})", "有 {n} 个点超出坐标轴上限(损失 > {max})"),
    (
        "fig.neglog.alt",
        "The curve −log(p) for p from 0 to 1: large near 0, zero at 1. The points sit at p = {p}, with losses {l}.",
        "曲线 −log(p),p 从 0 到 1:接近 0 时很大,p = 1 时为 0。各点位于 p = {p},损失为 {l}。",
    ),
    // point-losses
    ("fig.point-losses.y", "loss of each point, −log p(true class)", "每个点的损失,−log p(真实类别)"),
    (
        "fig.point-losses.y-smoothed",
        "loss of each point, targets smoothed (ls = {ls})",
        "每个点的损失,标签已平滑(ls = {ls})",
    ),
    ("fig.point-losses.mean", "BCE = {bce}", "BCE = {bce}"),
    (
        "fig.point-losses.alt",
        "BCE = {bce}: the mean of {n} per-point losses {l}.",
        "BCE = {bce}:{n} 个点的损失 {l} 的平均值。",
    ),
    // logits-stability
    ("fig.logits-stability.x", "logit x (symmetric log scale)", "logit x(对称对数刻度)"),
    ("fig.logits-stability.y", "loss for label z = {z}, in float32", "标签 z = {z} 时的损失(float32)"),
    ("fig.logits-stability.naive", "naive: z·−log σ(x) + (1−z)·−log(1−σ(x))", "朴素:z·−log σ(x) + (1−z)·−log(1−σ(x))"),
    ("fig.logits-stability.stable", "stable: max(x, 0) − x·z + log(1 + e^−|x|)", "稳定:max(x, 0) − x·z + log(1 + e^−|x|)"),
    ("fig.logits-stability.breaks", "naive = {what}", "朴素形式 = {what}"),
    ("fig.logits-stability.from", "from x = {x}", "自 x = {x} 起"),
    ("fig.logits-stability.inf", "inf", "inf"),
    ("fig.logits-stability.nan", "NaN", "NaN"),
    (
        "fig.logits-stability.alt",
        "The naive and the stable logistic loss in float32 for x from −1000 to 1000; the stable one stays finite everywhere.",
        "float32 下朴素与稳定的 logistic 损失,x 从 −1000 到 1000;稳定形式处处有限。",
    ),
    (
        "fig.logits-stability.alt-break",
        "For z = {z} the naive one is {what} from x = {x} (the stable one is {stable} there).",
        "z = {z} 时朴素形式从 x = {x} 起为 {what}(此处稳定形式为 {stable})。",
    ),
    // cce
    ("fig.cce.rows-x", "y_true, one-hot · integer", "y_true:one-hot · 整数"),
    ("fig.cce.rows-y", "y_pred per class, renormalised", "各类别的 y_pred(已归一化)"),
    ("fig.cce.loss-y", "−log p(true class)", "−log p(真实类别)"),
    ("fig.cce.sample", "sample {i}", "样本 {i}"),
    ("fig.cce.one-hot", "one-hot (categorical)", "one-hot(categorical)"),
    ("fig.cce.sparse", "integer (sparse)", "整数(sparse)"),
    ("fig.cce.mean", "mean = {m}", "平均 = {m}"),
    ("fig.cce.raw-note", "▬ the row as given, before renormalising", "▬ 归一化之前的原始值"),
    ("fig.cce.skipped", "rows {rows} left out: not a valid probability row", "第 {rows} 行未计入:不是有效的概率行"),
    ("fig.cce.none", "No valid rows to show.", "没有可显示的有效行。"),
    (
        "fig.cce.alt",
        "The true class has probability {p}; −log of it, the per-sample loss, is {l}, mean {mean}. With integer labels (sparse): {sl}, mean {smean}.",
        "真实类别的概率为 {p};其 −log 即每个样本的损失为 {l},平均 {mean}。使用整数标签(sparse)时:{sl},平均 {smean}。",
    ),
    // focal-curves
    ("fig.focal-curves.x", "p_t, the probability of the true class", "p_t:真实类别的概率"),
    ("fig.focal-curves.y", "FL(p_t) = −(1 − p_t)^γ · log(p_t)", "FL(p_t) = −(1 − p_t)^γ · log(p_t)"),
    ("fig.focal-curves.well", "well-classified, p_t > 0.5", "分类正确,p_t > 0.5"),
    ("fig.focal-curves.current", "{g}, yours", "{g}(当前)"),
    (
        "fig.focal-curves.alt",
        "Focal loss against p_t for γ = 0, 0.5, 1, 2, 5 and your γ = {g}; γ = 0 is cross-entropy. At γ = {g}: FL = {at1} at p_t = 0.1, {at5} at 0.5, {at9} at 0.9.",
        "γ = 0、0.5、1、2、5 及当前 γ = {g} 时 focal loss 随 p_t 的变化;γ = 0 即交叉熵。γ = {g} 时:p_t = 0.1 处 FL = {at1},0.5 处 {at5},0.9 处 {at9}。",
    ),
    // focal-points
    ("fig.focal-points.x", "points from hardest to easiest: p_t", "从难到易排列的点:p_t"),
    ("fig.focal-points.y", "loss of each point", "每个点的损失"),
    ("fig.focal-points.ce", "cross-entropy", "交叉熵"),
    ("fig.focal-points.fl", "focal, γ = {g}", "focal,γ = {g}"),
    ("fig.focal-points.hard", "misclassified, p_t < 0.5", "分类错误,p_t < 0.5"),
    ("fig.focal-points.share1", "misclassified points carry", "分类错误的点所占份额"),
    ("fig.focal-points.share2", "{ce} of cross-entropy · {fl} of focal loss", "交叉熵的 {ce} · focal loss 的 {fl}"),
    ("fig.focal-points.means", "mean: cross-entropy {ce}, focal {fl}", "平均:交叉熵 {ce},focal {fl}"),
    ("fig.focal-points.alpha", "class balancing on, α = {a}", "类别平衡已开启,α = {a}"),
    (
        "fig.focal-points.alt",
        "With γ = {g} the mean focal loss is {mean}; misclassified points carry {ce} of cross-entropy and {fl} of focal loss. Points from hardest to easiest, p_t = {p}: cross-entropy {cel}; focal {fll}.",
        "γ = {g} 时平均 focal loss 为 {mean};分类错误的点占交叉熵的 {ce}、focal loss 的 {fl}。从难到易,p_t = {p}:交叉熵 {cel};focal {fll}。",
    ),
    // focal-fit
    ("fig.focal-fit.ce", "cross-entropy fit", "交叉熵拟合"),
    ("fig.focal-fit.focal", "focal fit, γ = {g}", "focal 拟合,γ = {g}"),
    ("fig.focal-fit.no-ce", "No cross-entropy fit: {why}", "没有交叉熵拟合:{why}"),
    ("fig.focal-fit.no-focal", "No focal fit: {why}", "没有 focal 拟合:{why}"),
    ("fig.focal-fit.model", "σ({w}·x + {b})", "σ({w}·x + {b})"),
    (
        "fig.focal-fit.alt",
        "Two sigmoids over the points: the cross-entropy fit {ce} and the focal-loss fit (γ = {g}) {fl}.",
        "这些点上的两条 sigmoid:交叉熵拟合 {ce},focal loss 拟合(γ = {g}){fl}。",
    ),
    // smoothing-targets
    ("fig.smoothing-targets.x", "class", "类别"),
    ("fig.smoothing-targets.y", "target probability, α = {a}, K = {k}", "标签概率,α = {a},K = {k}"),
    ("fig.smoothing-targets.true", "1 (true)", "1(真实)"),
    ("fig.smoothing-targets.one-hot", "shaded: the one-hot target", "浅色:one-hot 标签"),
    (
        "fig.smoothing-targets.alt",
        "With α = {a} and K = {k} the smoothed target is {y}; the true class comes first.",
        "α = {a}、K = {k} 时平滑后的标签为 {y};第一个为真实类别。",
    ),
    // smoothing-logits
    ("fig.smoothing-logits.x", "a, the true class's logit in [a, 0, …, 0]", "a:logit 向量 [a, 0, …, 0] 中真实类别的值"),
    ("fig.smoothing-logits.y", "cross-entropy of [a, 0, …, 0], K = {k}", "[a, 0, …, 0] 的交叉熵,K = {k}"),
    ("fig.smoothing-logits.min", "minimum at a = {a}, CE = {h}", "最小值:a = {a},CE = {h}"),
    ("fig.smoothing-logits.entropy", "entropy of the target = {h}", "标签的熵 = {h}"),
    ("fig.smoothing-logits.one-hot", "one-hot target", "one-hot 标签"),
    ("fig.smoothing-logits.smoothed", "smoothed target", "平滑标签"),
    ("fig.smoothing-logits.infinite", "α = 0: the gap → ∞, no minimum", "α = 0:差距 → ∞,没有最小值"),
    (
        "fig.smoothing-logits.alt",
        "With α = {al} and K = {k} the cross-entropy of [a, 0, …, 0] is smallest at a = {a}, where it equals the target's entropy {h}; against the one-hot target it keeps falling as a grows.",
        "α = {al}、K = {k} 时 [a, 0, …, 0] 的交叉熵在 a = {a} 处最小,等于标签的熵 {h};对 one-hot 标签它随 a 增大而一直下降。",
    ),
    (
        "fig.smoothing-logits.alt-infinite",
        "With α = 0 (K = {k}) the target is one-hot: the cross-entropy keeps falling as a grows, so the gap it asks for is infinite.",
        "α = 0(K = {k})时标签是 one-hot:交叉熵随 a 增大一直下降,所需的差距为无穷大。",
    ),
    // smoothing-gradient
    ("fig.smoothing-gradient.x", "a, the true class's logit", "a:真实类别的 logit"),
    ("fig.smoothing-gradient.y", "∂CE/∂z_true = softmax(z)_true − y_true", "∂CE/∂z_true = softmax(z)_true − y_true"),
    ("fig.smoothing-gradient.zero", "zero at a = {a}", "a = {a} 处为零"),
    ("fig.smoothing-gradient.smoothed", "smoothed, α = {a}", "平滑,α = {a}"),
    ("fig.smoothing-gradient.one-hot", "one-hot: never zero", "one-hot:永不为零"),
    (
        "fig.smoothing-gradient.alt",
        "The gradient with respect to the true class's logit stays between −1 and 1; with α = {al} it crosses zero at a = {a}, while with a one-hot target it is negative for every a.",
        "对真实类别 logit 的梯度始终在 −1 与 1 之间;α = {al} 时它在 a = {a} 处穿过零,而 one-hot 标签下它对任何 a 都为负。",
    ),
    (
        "fig.smoothing-gradient.alt-zero",
        "The gradient with respect to the true class's logit stays between −1 and 1; with α = 0 (one-hot) it is negative for every a and only tends to zero.",
        "对真实类别 logit 的梯度始终在 −1 与 1 之间;α = 0(one-hot)时它对任何 a 都为负,只是趋近于零。",
    ),
];

using System.Globalization;
using Chucheon.Data;
using Chucheon.Evaluation;
using Chucheon.Models.Internal;

namespace Chucheon.Models.Ease;

/// <summary>EASE: a closed-form linear item-to-item autoencoder with a zero diagonal.</summary>
/// <remarks>
/// Steck, H. (2019). "Embarrassingly Shallow Autoencoders for Sparse Data." WWW '19.
/// With the binary user×item matrix X: G = XᵀX + λI, P = G⁻¹, B = −P / diag(P) column-wise and diag(B) = 0; a user's
/// scores are x·B. G is symmetric positive definite, so P comes from a Cholesky factor in double precision
/// (<see cref="SpdInverse"/>); B is kept in float, which halves its memory and is far below the ranking noise.
/// Memory is dense in the catalog size: n² doubles for G/P plus n² floats for B (see <see cref="RequiredBytes"/>),
/// checked against <see cref="FitContext.MemoryLimitBytes"/> before anything is allocated.
/// </remarks>
public sealed class EaseModel : IRecommender, ISimilarItems
{
    /// <summary>Bytes per item pair while fitting: the double Gram matrix (inverted in place) and the float weights.</summary>
    public const int BytesPerItemPair = sizeof(double) + sizeof(float);

    private PanelMatrix _weights = new(0);
    private int _threads = Environment.ProcessorCount;

    public EaseModel(EaseOptions options)
    {
        options.Validate();
        Options = options;
    }

    public string Alias => "ease";

    public EaseOptions Options { get; }

    IModelOptions IRecommender.Options => Options;

    public int ItemCount => _weights.N;

    /// <summary>Peak bytes a fit allocates for a catalog of <paramref name="items"/> items.</summary>
    public static long RequiredBytes(int items) => (long)items * items * BytesPerItemPair;

    public void Fit(InteractionDataset train, FitContext context)
    {
        var n = train.ItemCount;
        var needed = RequiredBytes(n);
        if (needed > context.MemoryLimitBytes)
        {
            throw new InsufficientMemoryException(string.Create(CultureInfo.InvariantCulture,
                $"EASE needs {Gib(needed):F1} GiB for {n:N0} items ({n:N0}² × {BytesPerItemPair} bytes: a double Gram matrix and float weights); memory limit is {Gib(context.MemoryLimitBytes):F1} GiB. Use item kNN for catalogs this large or raise the limit."));
        }

        var parallel = context.ParallelOptions;
        context.Report("gram", 0, 3);
        var gram = BuildGram(train.UserItems, train.ItemUsers, n, Options.Reg, parallel);
        context.Report("invert", 1, 3);
        SpdInverse.Invert(gram, n, parallel);
        context.Report("weights", 2, 3);
        _weights = WeightsFromInverse(gram, n, parallel);
        _threads = context.Threads;
        context.Report("done", 3, 3);
    }

    public void Score(ReadOnlySpan<int> users, CsrMatrix history, Span<float> scores) =>
        SparseDenseProduct.Multiply(_weights, history, users, scores, _threads);

    /// <summary>Items whose weights B[·, item] predict <paramref name="item"/> most strongly: the regression
    /// coefficients of that item on all others.</summary>
    public IReadOnlyList<ScoredItem> SimilarItems(int item, int k)
    {
        var n = ItemCount;
        if ((uint)item >= (uint)n || k <= 0)
        {
            return [];
        }

        var column = new float[n];
        for (var i = 0; i < n; i++) { column[i] = _weights[i, item]; }
        column[item] = float.NegativeInfinity;
        var (indices, values) = TopK.Select(column, Math.Min(k, n - 1));
        return indices.Select((i, p) => new ScoredItem(i, values[p])).ToArray();
    }

    public void Save(ArtifactWriter writer)
    {
        // Row-major on disk: the panel layout depends on the SIMD width of the machine that fitted.
        writer.WriteJson("ease", new EaseState(ItemCount));
        writer.Write("weights", _weights.ToRowMajor());
    }

    public static EaseModel Load(EaseOptions options, ArtifactReader reader)
    {
        var state = reader.ReadJson<EaseState>("ease");
        var weights = reader.ReadFloats("weights");
        if (weights.LongLength != (long)state.Items * state.Items)
        {
            throw new InvalidDataException($"{reader.DirectoryPath}: EASE weights hold {weights.LongLength} values, expected {state.Items}².");
        }

        return new EaseModel(options) { _weights = PanelMatrix.FromRowMajor(weights, state.Items) };
    }

    // Lower triangle of XᵀX (binary X) plus λ on the diagonal; each item's row is owned by one worker, so the
    // co-occurrence counts accumulate straight into the matrix without locks.
    private static double[] BuildGram(CsrMatrix userItems, CsrMatrix itemUsers, int n, double reg, ParallelOptions parallel)
    {
        var gram = new double[(long)n * n];
        Parallel.For(0, n, parallel, i =>
        {
            var row = (long)i * n;
            foreach (var user in itemUsers.RowIndices(i))
            {
                foreach (var j in userItems.RowIndices(user))
                {
                    if (j > i) { break; }
                    gram[row + j] += 1;
                }
            }

            gram[row + i] += reg;
        });
        return gram;
    }

    // B[i,j] = −P[i,j] / P[j,j], diag(B) = 0, written straight into the panel layout that scoring reads.
    private static PanelMatrix WeightsFromInverse(double[] inverse, int n, ParallelOptions parallel)
    {
        var weights = new PanelMatrix(n);
        var scale = new double[n];
        for (var j = 0; j < n; j++) { scale[j] = -1.0 / inverse[((long)j * n) + j]; }

        Parallel.For(0, n, parallel, i =>
        {
            var row = (long)i * n;
            for (var p = 0; p < weights.Panels; p++)
            {
                var slice = weights.RowSlice(i, p);
                var c0 = p * weights.Width;
                for (var c = 0; c < slice.Length; c++) { slice[c] = (float)(inverse[row + c0 + c] * scale[c0 + c]); }
            }

            weights[i, i] = 0f;
        });
        return weights;
    }

    private static double Gib(long bytes) => bytes / (double)(1L << 30);

    private sealed record EaseState(int Items);
}

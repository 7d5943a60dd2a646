using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Chucheon.Neural.Models;

/// <summary>NeuMF: a GMF branch (element-wise product of user and item embeddings) and an MLP branch (a ReLU tower
/// over concatenated user and item embeddings), fused by one linear output layer.</summary>
public sealed class NcfNet : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding gmfUsers;
    private readonly Embedding gmfItems;
    private readonly Embedding mlpUsers;
    private readonly Embedding mlpItems;
    private readonly ModuleList<Linear> tower = new();
    private readonly Linear output;
    private readonly double _dropout;

    public NcfNet(int users, int items, int gmfDim, IReadOnlyList<int> mlpDims, double dropout) : base(nameof(NcfNet))
    {
        _dropout = dropout;
        gmfUsers = nn.Embedding(users, gmfDim);
        gmfItems = nn.Embedding(items, gmfDim);
        // The tower's input is the concatenation, so each side gets half of the first width.
        mlpUsers = nn.Embedding(users, mlpDims[0] / 2);
        mlpItems = nn.Embedding(items, mlpDims[0] / 2);
        for (var i = 0; i + 1 < mlpDims.Count; i++)
        {
            tower.Add(nn.Linear(mlpDims[i], mlpDims[i + 1]));
        }

        output = nn.Linear(gmfDim + mlpDims[^1], 1);
        foreach (var embedding in new[] { gmfUsers, gmfItems, mlpUsers, mlpItems })
        {
            nn.init.normal_(embedding.weight!, 0, 0.01);
        }

        foreach (var layer in tower.Append(output))
        {
            nn.init.xavier_uniform_(layer.weight);
            nn.init.zeros_(layer.bias!);
        }

        RegisterComponents();
    }

    /// <summary>Logits for aligned (user, item) pairs.</summary>
    public override Tensor forward(Tensor users, Tensor items)
    {
        using var scope = NewDisposeScope();
        var gmf = gmfUsers.forward(users) * gmfItems.forward(items);
        var h = cat([mlpUsers.forward(users), mlpItems.forward(items)], -1);
        foreach (var layer in tower)
        {
            h = F.dropout(F.relu(layer.forward(h)), _dropout, training);
        }

        return output.forward(cat([gmf, h], -1)).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Scores of each given user against every item, [users, items], without materialising the
    /// users × items embedding pairs: the first tower layer is linear in the concatenation, so its user and item
    /// halves are computed once per side and broadcast-added. <paramref name="userIds"/> may be null to score the
    /// supplied embeddings instead (the fallback for users unseen in training).</summary>
    public Tensor ScoreAll(Tensor gmfUser, Tensor mlpUser)
    {
        using var scope = NewDisposeScope();
        var gmfOut = output.weight!.narrow(1, 0, gmfItems.weight!.shape[1]).squeeze(0);
        var mlpOut = output.weight!.narrow(1, gmfItems.weight!.shape[1], output.weight!.shape[1] - gmfItems.weight!.shape[1]).squeeze(0);
        var gmf = (gmfUser * gmfOut).matmul(gmfItems.weight!.t());
        var half = mlpUser.shape[1];
        var first = tower[0];
        var userPart = mlpUser.matmul(first.weight!.narrow(1, 0, half).t()) + first.bias!;
        var itemPart = mlpItems.weight!.matmul(first.weight!.narrow(1, half, half).t());
        // In-place ReLUs: the [users, items, width] activations are the largest tensors of the whole scoring pass,
        // and every avoided copy is a large allocation (page faults) saved.
        var h = (userPart.unsqueeze(1) + itemPart.unsqueeze(0)).relu_();
        for (var i = 1; i < tower.Count; i++)
        {
            h = tower[i].forward(h).relu_();
        }

        var mlp = h.matmul(mlpOut);
        return (gmf + mlp + output.bias!).MoveToOuterDisposeScope();
    }

    /// <summary>GMF and MLP user embeddings of the given users.</summary>
    public (Tensor Gmf, Tensor Mlp) UserEmbeddings(Tensor users) => (gmfUsers.forward(users), mlpUsers.forward(users));

    /// <summary>Mean GMF and MLP embeddings over the given users: the representation used for users not seen in training.</summary>
    public (Tensor Gmf, Tensor Mlp) MeanUser(Tensor users)
    {
        using var scope = NewDisposeScope();
        var (g, m) = UserEmbeddings(users);
        return (g.mean([0], keepdim: true).MoveToOuterDisposeScope(), m.mean([0], keepdim: true).MoveToOuterDisposeScope());
    }
}

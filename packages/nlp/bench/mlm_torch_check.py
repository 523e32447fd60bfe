# The default MLM pretraining in PyTorch, on the packed sequences written by mlm-torch-check.js:
# the bench's BERT (apps/demo-cli/bench/bert_mlm.py: BERT_TINY, post-norm, gelu, MLM head at the
# masked positions), weights N(0, 0.02) truncated as BERT's initializer_range, Adam with the rate
# cosine-decayed per epoch to a tenth (pretrainMlm's cosineWithWarmup), 15 % dynamic masking with
# 80/10/10. Prints the mean loss every 100 steps and the held-out masked accuracy per epoch.
import argparse, json, math, os, random, sys, time
import torch, torch.nn as nn
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', '..', 'apps', 'demo-cli', 'bench'))
from bert_mlm import Bert, V

p = argparse.ArgumentParser()
p.add_argument('file')
p.add_argument('--epochs', type=int, default=3)
p.add_argument('--batch-size', type=int, default=32)
p.add_argument('--learning-rate', type=float, default=1e-3)
p.add_argument('--threads', type=int, default=1)
a = p.parse_args()
d = json.load(open(a.file))
assert d['vocab'] == V, f"vocabulary {d['vocab']} != the bench model's {V}"
torch.set_num_threads(a.threads)
torch.manual_seed(1)
random.seed(1)
model = Bert()
for m in model.modules():
    if isinstance(m, (nn.Linear, nn.Embedding)):
        nn.init.trunc_normal_(m.weight, std=0.02)
        if getattr(m, 'bias', None) is not None:
            nn.init.zeros_(m.bias)
opt = torch.optim.Adam(model.parameters(), a.learning_rate)
special = set(d['specialIds'])


def mask(seq, rng):
    inp, pos, lab = list(seq), [], []
    candidates = [i for i, t in enumerate(seq) if t not in special]
    for i in sorted(rng.sample(candidates, max(1, round(0.15 * len(candidates))))):
        pos.append(i)
        lab.append(seq[i])
        r = rng.random()
        if r < 0.8:
            inp[i] = d['maskId']
        elif r < 0.9:
            inp[i] = rng.randrange(V)
    return inp, pos, lab


def batch(seqs, rng):
    rows = [mask(s, rng) for s in seqs]
    T = max(len(r[0]) for r in rows)
    M = max(len(r[1]) for r in rows)
    ids = torch.full((len(rows), T), d['padId'])
    am = torch.zeros(len(rows), T, dtype=torch.long)
    pos = torch.zeros(len(rows), M, dtype=torch.long)
    lab = torch.full((len(rows), M), -100)
    for j, (i, q, l) in enumerate(rows):
        ids[j, :len(i)] = torch.tensor(i)
        am[j, :len(i)] = 1
        pos[j, :len(q)] = torch.tensor(q)
        lab[j, :len(l)] = torch.tensor(l)
    return ids, am, torch.zeros_like(ids), pos, lab


held = batch(d['heldOut'], random.Random(7))


def accuracy():
    with torch.no_grad():
        ids, am, ty, pos, lab = held
        ok = lab != -100
        return ((model(ids, am, ty, pos).argmax(-1) == lab) & ok).sum().item() / ok.sum().item()


train, lr0, step, t0 = d['train'], a.learning_rate, 0, time.time()
for epoch in range(a.epochs):
    lr = lr0 / 10 + 0.45 * lr0 * (1 + math.cos(math.pi * epoch / a.epochs)) if a.epochs > 1 else lr0
    for g in opt.param_groups:
        g['lr'] = lr
    order = list(range(len(train)))
    random.shuffle(order)
    rng, total, count = random.Random(epoch), 0.0, 0
    for s in range(0, len(order), a.batch_size):
        ids, am, ty, pos, lab = batch([train[i] for i in order[s:s + a.batch_size]], rng)
        loss = nn.functional.cross_entropy(model(ids, am, ty, pos).reshape(-1, V), lab.reshape(-1), ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step, total, count = step + 1, total + loss.item(), count + 1
        if step % 100 == 0:
            print(json.dumps({'step': step, 'epoch': epoch, 'lr': lr, 'loss': round(total / count, 3), 'seconds': round(time.time() - t0)}), flush=True)
            total, count = 0.0, 0
    print(json.dumps({'epoch': epoch, 'heldOutMaskedAccuracy': round(accuracy(), 4), 'seconds': round(time.time() - t0)}), flush=True)

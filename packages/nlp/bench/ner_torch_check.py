# The same-size BERT as finetuneNer's (2 layers, hidden 128, 4 heads, FFN 512, learned positions,
# no dropout) trained from random weights in PyTorch on the sub-word ids and labels written by
# ner-torch-check.js (4,000 sentences, 3 epochs, batch 32, Adam 5e-4), scored like dlkit: each word
# takes its first sub-word's tag, entity-level micro F1 (seqeval rules). Prints one line per epoch.
import json, sys, math, random, torch, torch.nn as nn
torch.manual_seed(1); random.seed(1); torch.set_num_threads(1)
D = json.load(open(sys.argv[1])); L = D['labels']; V = D['vocab']
def ents(tags):
    out=set(); start=None; typ=None
    for i,t in enumerate(list(tags)+['O']):
        if start is not None and not (t.startswith('I-') and t[2:]==typ): out.add((start,i,typ)); start=None
        if t.startswith('B-') or (t.startswith('I-') and start is None): start=i; typ=t[2:]
    return out
def f1(gold, pred):
    c=p=s=0
    for g,q in zip(gold,pred): G=ents(g); P=ents(q); c+=len(G&P); p+=len(P); s+=len(G)
    pr=c/max(p,1); rc=c/max(s,1); return 2*pr*rc/max(pr+rc,1e-9)
class Bert(nn.Module):
    def __init__(s, H=128, nl=2):
        super().__init__(); s.w=nn.Embedding(V,H); s.p=nn.Embedding(128,H); s.ln=nn.LayerNorm(H)
        s.enc=nn.TransformerEncoder(nn.TransformerEncoderLayer(H,4,512,0.0,activation='gelu',batch_first=True),nl)
        s.out=nn.Linear(H,len(L))
    def forward(s, ids, mask):
        x=s.ln(s.w(ids)+s.p(torch.arange(ids.shape[1])[None]))
        return s.out(s.enc(x, src_key_padding_mask=~mask))
def batch(rows):
    T=max(len(r['ids']) for r in rows); ids=torch.zeros(len(rows),T,dtype=torch.long); m=torch.zeros(len(rows),T,dtype=torch.bool); y=torch.full((len(rows),T),-1)
    for i,r in enumerate(rows): n=len(r['ids']); ids[i,:n]=torch.tensor(r['ids']); m[i,:n]=True; y[i,:n]=torch.tensor(r['labels'])
    return ids,m,y
def predict(model, rows):
    model.eval(); out=[]
    with torch.no_grad():
        for i in range(0,len(rows),64):
            rr=rows[i:i+64]; ids,m,_=batch(rr); g=model(ids,m).argmax(-1)
            for k,r in enumerate(rr):
                tags=['']*len(r['tags'])
                for t,w in enumerate(r['word']):
                    if w>=0 and tags[w]=='': tags[w]=L[g[k,t]]
                out.append([t or 'O' for t in tags])
    model.train(); return out
model=Bert(); opt=torch.optim.Adam(model.parameters(),5e-4); tr=D['train']
for ep in range(3):
    random.shuffle(tr); tot=0;k=0
    for i in range(0,len(tr),32):
        ids,m,y=batch(tr[i:i+32]); loss=nn.functional.cross_entropy(model(ids,m).reshape(-1,len(L)),y.reshape(-1),ignore_index=-1)
        opt.zero_grad(); loss.backward(); opt.step(); tot+=loss.item(); k+=1
    sc=lambda rows: round(f1([r['tags'] for r in rows], predict(model, rows)),3)
    print('torch bert ep',ep,'loss',round(tot/k,3),'train',sc(tr[:300]),'test',sc(D['test']),'hand',sc(D['hand']),flush=True)

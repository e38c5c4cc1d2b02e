# The machine's own loopback round trip at a paced rate, no project code: python3 loopback-rtt.py RATE SECONDS
import socket, threading, time, sys
rate=int(sys.argv[1]); dur=float(sys.argv[2])
srv=socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); srv.bind(('127.0.0.1',0)); srv.listen(1)
port=srv.getsockname()[1]
def serve():
    c,_=srv.accept(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY,1)
    while True:
        d=c.recv(100)
        if not d: return
        c.sendall(d)
threading.Thread(target=serve,daemon=True).start()
cl=socket.create_connection(('127.0.0.1',port)); cl.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY,1)
rtt=[];lag=[]
start=time.perf_counter(); i=0
while True:
    intended=start+i/rate; i+=1
    if intended>start+dur: break
    w=intended-time.perf_counter()
    if w>0: time.sleep(w)
    t0=time.perf_counter(); lag.append(t0-intended)
    cl.sendall(b'x'); cl.recv(10); t1=time.perf_counter(); rtt.append(t1-t0)
def pct(a,p): a=sorted(a); return a[min(len(a)-1,int(p/100*len(a)))]*1000
print("n=%d rtt p50 %.3f p99 %.3f max %.3f | lag p50 %.3f p99 %.3f max %.3f ms"%(len(rtt),pct(rtt,50),pct(rtt,99),max(rtt)*1000,pct(lag,50),pct(lag,99),max(lag)*1000))

//! A TCP proxy that can fail on demand, between the app and a real service (PostgreSQL,
//! Garage): passing bytes through, cutting every connection (as a crashed or restarting
//! server does), or holding them without a byte passing either way (a blackhole: a network
//! partition, a server that hangs). The service itself stays real.

use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Pass,
    /// Open connections are closed; new ones are closed as soon as they are accepted.
    Cut,
    /// Connections are held open, but not a byte passes in either direction.
    Blackhole,
}

pub struct FaultProxy {
    addr: SocketAddr,
    mode: watch::Sender<Fault>,
    accept: tokio::task::JoinHandle<()>,
}

impl FaultProxy {
    /// Listens on 127.0.0.1 (a free port) and forwards to `target`.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (mode, _) = watch::channel(Fault::Pass);
        let modes = mode.clone();
        let accept = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let rx = modes.subscribe();
                tokio::spawn(relay(client, target, rx));
            }
        });
        Self { addr, mode, accept }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn set(&self, fault: Fault) {
        self.mode.send_replace(fault);
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.accept.abort();
        self.set(Fault::Cut);
    }
}

async fn relay(client: TcpStream, target: SocketAddr, mut mode: watch::Receiver<Fault>) {
    // A blackholed connection is held until the fault changes.
    while *mode.borrow() == Fault::Blackhole {
        if mode.changed().await.is_err() {
            return;
        }
    }
    if *mode.borrow() == Fault::Cut {
        return;
    }
    let Ok(server) = TcpStream::connect(target).await else {
        return;
    };
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    tokio::select! {
        _ = pipe(cr, sw, mode.clone()) => {}
        _ = pipe(sr, cw, mode.clone()) => {}
    }
}

/// Copies one direction while the mode allows: stops (dropping both sockets) on `Cut`, and
/// holds what it read without writing it on `Blackhole`.
async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut mode: watch::Receiver<Fault>,
) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = tokio::select! {
            read = from.read(&mut buf) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            },
            changed = mode.changed() => {
                if changed.is_err() || *mode.borrow() == Fault::Cut {
                    return;
                }
                continue;
            }
        };
        loop {
            match *mode.borrow_and_update() {
                Fault::Pass => break,
                Fault::Cut => return,
                Fault::Blackhole => {}
            }
            if mode.changed().await.is_err() {
                return;
            }
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

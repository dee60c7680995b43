// lib/sim/network — pod IPs, sockets, cluster DNS, the service proxy and NetworkPolicy, for the
// kubelet (IPs, listeners, probes) and the container runtime (NetworkAccess).
import { allocatePodIP, listen, releasePodIP, unlisten } from "./state";
import { networkFor, probeHttp, probeTcp } from "./routing";

export { allocatePodIP, releasePodIP, listen, unlisten, networkState, type ListenResult, type NetworkState } from "./state";
export { networkFor, networkFromNode, probeHttp, probeTcp, connect, CONNECT_TIMEOUT_MS, type Server, type Source } from "./routing";
export { resolveName, resolverFor, lookupAll, reverseLookup, CLUSTER_DOMAIN, CLUSTER_DNS_IP, type Resolution, type ResolverConfig } from "./dns";
export { serviceEndpoints, usableEndpoints, readyAddresses, resolveTargetPort, type Endpoint, type ServicePort } from "./endpoints";
export { isConnectionAllowed, peerOfPod, type Peer } from "./policy";
export { EXTERNAL_HOSTS } from "./external";

/** The kubelet's NetworkPort (lib/sim/kubelet/state.ts) backed by this module. */
export const clusterNetwork = { allocatePodIP, releasePodIP, listen, unlisten, networkFor, probeHttp, probeTcp };

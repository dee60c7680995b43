// Installs the simulator's modules into every new Cluster. Each module owns one line here.
import { registerInstaller } from "./cluster";
import { installScheduler } from "./scheduler";
import { installControllers } from "./controllers";
import { installKubelet } from "./kubelet";
import { installTaintEvictionController } from "./controllers/taint-eviction";

void registerInstaller;
registerInstaller(installControllers);
registerInstaller(installScheduler);
registerInstaller((engine, options) => void installKubelet(engine, options));
registerInstaller(installTaintEvictionController);

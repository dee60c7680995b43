// Installs the simulator's modules into every new Cluster. Each module owns one line here.
import { registerInstaller } from "./cluster";

void registerInstaller;

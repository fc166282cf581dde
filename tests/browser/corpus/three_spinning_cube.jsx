import React, { useEffect, useRef, useState } from "react";
import * as THREE from "three";

export default function SpinningCube() {
  const mountRef = useRef(null);
  const [speed, setSpeed] = useState(1);
  const speedRef = useRef(1);
  const [frames, setFrames] = useState(0);

  useEffect(() => {
    speedRef.current = speed;
  }, [speed]);

  useEffect(() => {
    const mount = mountRef.current;
    const scene = new THREE.Scene();
    scene.background = new THREE.Color(0x111827);
    const camera = new THREE.PerspectiveCamera(60, 320 / 240, 0.1, 100);
    camera.position.z = 3;
    const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    renderer.setSize(320, 240);
    mount.appendChild(renderer.domElement);
    const cube = new THREE.Mesh(new THREE.BoxGeometry(1, 1, 1), new THREE.MeshNormalMaterial());
    scene.add(cube);
    let count = 0;
    let id;
    const animate = () => {
      cube.rotation.x += 0.01 * speedRef.current;
      cube.rotation.y += 0.02 * speedRef.current;
      renderer.render(scene, camera);
      count += 1;
      if (count % 10 === 0) setFrames(count);
      id = requestAnimationFrame(animate);
    };
    animate();
    return () => {
      cancelAnimationFrame(id);
      renderer.dispose();
      mount.removeChild(renderer.domElement);
    };
  }, []);

  return (
    <div className="p-6 flex flex-col items-center gap-3">
      <h1 className="text-xl font-semibold">Spinning Cube</h1>
      <div ref={mountRef} />
      <label className="flex items-center gap-2">
        Speed
        <input type="range" min="0" max="5" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} />
        <span id="speed">{speed}x</span>
      </label>
      <p id="frames" className="text-sm text-gray-500">{frames > 0 ? "rendering" : "starting"}</p>
    </div>
  );
}
